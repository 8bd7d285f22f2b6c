using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Tests;

public class CatalogueDataTests
{
    [Fact]
    public void The_embedded_catalogue_loads_and_is_consistent()
    {
        var services = CatalogueLoader.LoadEmbedded();

        Assert.Contains(services, s => s.Slug == "parental-benefit");
        Assert.All(services, s => Assert.False(string.IsNullOrWhiteSpace(s.Name.Ko) || string.IsNullOrWhiteSpace(s.Name.En)));
    }

    [Fact]
    public void A_bundle_naming_a_service_that_does_not_exist_is_refused()
    {
        const string json = """
            { "slug": "x", "name": { "ko": "엑스", "en": "X" }, "summary": { "ko": "요약", "en": "Summary" },
              "agency": "MOIS", "category": "family", "who": { "ko": "누구", "en": "Who" },
              "whatYouGet": { "ko": "무엇", "en": "What" }, "how": { "ko": "방법", "en": "How" },
              "howDecided": { "ko": "결정", "en": "Decided" }, "fees": { "ko": "무료", "en": "Free" },
              "legalBasis": { "ko": "법", "en": "Law" }, "bundle": ["no-such-service"] }
            """;

        var ex = Assert.Throws<CatalogueException>(() => CatalogueLoader.Parse([("x.json", json)]));

        Assert.Contains("no-such-service", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_property_in_a_catalogue_file_is_refused_rather_than_ignored()
    {
        const string json = """{ "slug": "x", "nmae": { "ko": "엑스", "en": "X" } }""";

        Assert.Throws<CatalogueException>(() => CatalogueLoader.Parse([("x.json", json)]));
    }
}
