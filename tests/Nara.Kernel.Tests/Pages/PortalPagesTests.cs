using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Nara.Testing;

namespace Nara.Kernel.Tests.Pages;

public sealed class PortalPagesTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_home_page_is_in_korean_by_default()
    {
        var html = await factory.CreateClient().GetStringAsync(U("/"));
        Assert.Contains("<html lang=\"ko\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>홈 | 나라</title>", html, StringComparison.Ordinal);
        Assert.Contains("본문 바로가기", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/life-events/birth\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/services\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_english_once_is_remembered_by_the_cookie()
    {
        var client = factory.CreateClient();
        var first = await client.GetStringAsync(U("/?culture=en"));
        Assert.Contains("<html lang=\"en\"", first, StringComparison.Ordinal);
        Assert.Contains("<title>Home | Nara</title>", first, StringComparison.Ordinal);

        var later = await client.GetStringAsync(U("/life-events/youth"));
        Assert.Contains("<html lang=\"en\"", later, StringComparison.Ordinal);
        Assert.Contains("Youth | Nara", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_links_keep_the_reader_on_the_same_page()
    {
        var html = await factory.CreateClient().GetStringAsync(U("/services?q=%EC%97%AC%EA%B6%8C"));
        Assert.Contains("href=\"/services?q=%EC%97%AC%EA%B6%8C&amp;culture=en\"", html, StringComparison.Ordinal);
        Assert.Contains("‘여권’", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/services")]
    [InlineData("/life-events")]
    [InlineData("/life-events/foreign-residents")]
    [InlineData("/data")]
    [InlineData("/participation")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    [InlineData("/settings/display")]
    [InlineData("/signin")]
    public async Task Every_menu_and_footer_page_answers_in_both_languages(string path)
    {
        var client = factory.CreateClient();
        var ko = await client.GetAsync(U(path));
        var en = await client.GetAsync(U(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en"));
        Assert.Equal(HttpStatusCode.OK, ko.StatusCode);
        Assert.Equal(HttpStatusCode.OK, en.StatusCode);
        Assert.Contains("| 나라</title>", await ko.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("| Nara</title>", await en.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_life_event_is_a_plain_404_page()
    {
        var response = await factory.CreateClient().GetAsync(U("/life-events/no-such-event"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task High_contrast_is_set_without_javascript_and_sends_the_reader_back()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U("/life-events")));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["mode"] = "high-contrast", ["returnUrl"] = "/life-events", ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(U("/settings/display"), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/life-events", response.Headers.Location!.OriginalString);
        Assert.Contains("data-krds-mode=\"high-contrast\"", await client.GetStringAsync(U("/life-events")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Display_settings_refuse_a_post_without_antiforgery_token_and_foreign_return_urls()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var bare = new FormUrlEncodedContent(new Dictionary<string, string> { ["textsize"] = "lg" });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(U("/settings/display"), bare)).StatusCode);

        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(U("/")));
        using var evil = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["textsize"] = "xlg", ["returnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(U("/settings/display"), evil);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("data-nara-textsize=\"xlg\"", await client.GetStringAsync(U("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Krds_styles_and_fonts_are_served_from_the_site()
    {
        var client = factory.CreateClient();
        foreach (var path in new[] { "/lib/krds/css/component/output.css", "/lib/krds/css/token/krds_tokens.css", "/lib/krds/fonts/PretendardGOV-Regular.subset.woff2", "/lib/krds/fonts/OFL.txt", "/css/nara-krds.css", "/js/js-flag.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(U(path))).StatusCode);
        }
    }
}
