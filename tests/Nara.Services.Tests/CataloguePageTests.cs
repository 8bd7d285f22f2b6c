using System.Net;

namespace Nara.Services.Tests;

public sealed class CataloguePageTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    private async Task<string> GetAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(U(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_catalogue_lists_every_service_with_browse_counts_in_korean()
    {
        var html = await GetAsync("/services");

        Assert.Contains("<html lang=\"ko\"", html, StringComparison.Ordinal);
        Assert.Contains("서비스 찾기 | 나라</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/basic-pension\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/open-data-key\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services?event=birth\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services?agency=MOHW\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services?category=family\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_shows_ranked_results_in_english()
    {
        var html = await GetAsync("/services?q=pasport&culture=en");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Results for ‘pasport’", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/passport-issuance\">Passport Issuance</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_filters_narrow_the_list_and_keep_the_search_text()
    {
        var html = await GetAsync("/services?agency=NTS");
        Assert.Contains("href=\"/services/business-registration\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/services/basic-pension\"", html, StringComparison.Ordinal);

        var both = await GetAsync("/services?q=%EC%A6%9D%EB%AA%85&category=residence");
        Assert.Contains("href=\"/services/family-relation-certificate\"", both, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/services/income-certificate\"", both, StringComparison.Ordinal);
        Assert.Contains("name=\"category\" value=\"residence\"", both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_with_no_results_explains_what_to_do_next()
    {
        var html = await GetAsync("/services?q=qwxzvbnm");

        Assert.Contains("0개 서비스", html, StringComparison.Ordinal);
        Assert.Contains("맞는 서비스를 찾지 못했습니다.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/civil-complaint\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/services?q=%22%28%29%5B%5D*%3F")]
    [InlineData("/services?event=no-such-event&agency=%3Cscript%3E")]
    [InlineData("/services?q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Odd_input_gives_a_page_not_an_error(string path)
    {
        var html = await GetAsync(path);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_page_has_the_structured_sections_and_says_which_documents_are_fetched()
    {
        var html = await GetAsync("/services/youth-rent-support");

        Assert.Contains("<h1 class=\"nara-page-title\">청년월세 지원</h1>", html, StringComparison.Ordinal);
        foreach (var heading in new[] { "누가 받을 수 있나요", "무엇을 받나요", "어떻게 하나요", "얼마나 걸리나요", "필요한 서류", "수수료", "근거 법령" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains("내지 않아도 됩니다 — 행정안전부 주민등록 전산정보에서 직접 확인합니다.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/youth-rent-support/apply\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.law.go.kr/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_page_in_english_says_we_get_the_document_ourselves()
    {
        var html = await GetAsync("/services/basic-pension?culture=en");

        Assert.Contains("<h1 class=\"nara-page-title\">Basic Pension</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Who can apply", html, StringComparison.Ordinal);
        Assert.Contains("You don&#x27;t need to submit this — we get it from the MOIS resident registry.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_information_only_service_has_no_apply_button_but_links_where_it_is_done()
    {
        var html = await GetAsync("/services/bid-notices");

        Assert.DoesNotContain("/services/bid-notices/apply", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.g2b.go.kr/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_service_is_a_plain_404_page_in_the_readers_language()
    {
        var client = factory.CreateClient();

        var ko = await client.GetAsync(U("/services/no-such-service"));
        var en = await client.GetAsync(U("/services/no-such-service?culture=en"));

        Assert.Equal(HttpStatusCode.NotFound, ko.StatusCode);
        Assert.Contains("서비스를 찾을 수 없습니다", await ko.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, en.StatusCode);
        Assert.Contains("Service not found", await en.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
