using Nara.Services.Domain.Catalogue;
using Nara.Services.Features;

namespace Nara.Services.Tests;

/// <summary>Catalogue search over the real embedded catalogue (one index for the class: it is immutable).</summary>
public sealed class SearchTests : IClassFixture<SearchTests.Index>
{
    private readonly SearchServices _search;

    public SearchTests(Index index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _search = index.Search;
    }

    public sealed class Index : IDisposable
    {
        internal SearchServices Search { get; } = new(new ServiceCatalogue());

        public void Dispose() => Search.Dispose();
    }

    private string Top(string query) => (_search.Search(query) is [var first, ..] ? first.Slug : null) ?? "(nothing)";

    [Theory]
    [InlineData("부모급여", "parental-benefit")]
    [InlineData("기초연금", "basic-pension")]
    [InlineData("여권", "passport-issuance")]
    [InlineData("전입신고", "move-in-report")]
    [InlineData("사업자등록", "business-registration")]
    [InlineData("실업급여", "unemployment-benefit")]
    [InlineData("주민등록등본", "resident-registration-copy")]
    public void A_korean_name_or_common_synonym_finds_the_service_first(string query, string slug) => Assert.Equal(slug, Top(query));

    [Theory]
    [InlineData("부모 급여", "parental-benefit")]
    [InlineData("청년월세", "youth-rent-support")]
    [InlineData("청년 월 세", "youth-rent-support")]
    [InlineData("국가 장학금", "national-scholarship")]
    [InlineData("혼인 신고", "marriage-registration")]
    [InlineData("거주자 우선주차", "resident-parking")]
    public void Spacing_does_not_matter_in_korean(string query, string slug) => Assert.Equal(slug, Top(query));

    [Theory]
    [InlineData("부모급어", "parental-benefit")]
    [InlineData("기초연굼", "basic-pension")]
    [InlineData("에너지바우쳐", "energy-voucher")]
    [InlineData("장애인연굼", "disability-pension")]
    [InlineData("근로장러금", "earned-income-tax-credit")]
    public void A_typo_in_korean_still_finds_the_service(string query, string slug) => Assert.Equal(slug, Top(query));

    [Theory]
    [InlineData("passport", "passport-issuance")]
    [InlineData("pasport", "passport-issuance")]
    [InlineData("parental benfit", "parental-benefit")]
    [InlineData("unemployment benefits", "unemployment-benefit")]
    [InlineData("basic pensoin", "basic-pension")]
    [InlineData("trademarks", "trademark-application")]
    [InlineData("Passport Renewal", "passport-issuance")]
    public void English_finds_services_with_stemming_and_misspellings(string query, string slug) => Assert.Equal(slug, Top(query));

    [Fact]
    public void A_jamo_typo_and_a_split_word_find_the_child_allowance()
    {
        Assert.Equal("child-allowance", _search.Search("아동숫당")[0].Slug);
        Assert.Equal("child-allowance", _search.Search("아동 수당")[0].Slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("qwxzvbnm")]
    [InlineData("ㅋㅋㅋㅋ")]
    [InlineData("the of and")]
    public void Nonsense_or_empty_queries_find_nothing(string query) => Assert.Empty(_search.Search(query));

    [Theory]
    [InlineData("\"여권")]
    [InlineData("passport AND OR NOT (")]
    [InlineData("*?~^[]{}:\\/")]
    [InlineData("\u0000\uFFFF\uD800")]
    public void Odd_queries_never_throw(string query)
    {
        var ex = Record.Exception(() => _search.Search(query));
        Assert.Null(ex);
    }

    [Fact]
    public void A_ten_thousand_character_query_does_not_throw()
    {
        var ex = Record.Exception(() => _search.Search("여권 " + new string('ㄱ', 10_000) + new string('x', 10_000)));
        Assert.Null(ex);
    }

    [Fact]
    public void A_very_long_query_of_real_words_still_finds_them()
    {
        var query = string.Join(' ', Enumerable.Repeat("여권", 500));
        Assert.Equal("passport-issuance", Top(query));
    }
}
