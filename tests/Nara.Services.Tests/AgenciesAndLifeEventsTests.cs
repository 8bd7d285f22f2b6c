using System.Net;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Tests;

/// <summary>Agency names come from the catalogue data; life-event pages and service pages link to each other.</summary>
public sealed class AgenciesAndLifeEventsTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private async Task<string> GetAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_service_page_names_its_agency_from_the_catalogue_data_in_korean_and_english()
    {
        var ko = await GetAsync("/services/patent-application");
        var en = await GetAsync("/services/patent-application?culture=en");

        Assert.Contains("특허청", ko, StringComparison.Ordinal);
        Assert.Contains("Korean Intellectual Property Office", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_agency_code_is_shown_as_the_code_not_an_error()
    {
        var html = await GetAsync("/services?agency=NO-SUCH-AGENCY&culture=en");

        Assert.Contains("NO-SUCH-AGENCY", html, StringComparison.Ordinal);
        Assert.Equal("NO-SUCH-AGENCY", Agencies.NameOf("NO-SUCH-AGENCY"));
        Assert.Null(Agencies.Find("NO-SUCH-AGENCY"));
    }

    [Fact]
    public void Agencies_are_data_a_new_one_is_a_json_entry_and_a_bad_list_is_refused()
    {
        var parsed = Agencies.Parse("""[{ "code": "KMA", "name": { "ko": "기상청", "en": "Korea Meteorological Administration" } }]""");

        Assert.Equal("기상청", Assert.Single(parsed).Name.Ko);
        Assert.Throws<CatalogueException>(() => Agencies.Parse("""[{ "code": "A", "name": { "ko": "가", "en": "A" } }, { "code": "A", "name": { "ko": "나", "en": "B" } }]"""));
        Assert.Throws<CatalogueException>(() => Agencies.Parse("""[{ "code": "B", "name": { "ko": "", "en": "B" } }]"""));
        Assert.Contains(Agencies.All, a => a.Code == "SCOURT");
    }

    [Fact]
    public async Task A_life_event_page_lists_the_catalogue_services_tagged_with_it()
    {
        var birth = await GetAsync("/life-events/birth");
        var english = await GetAsync("/life-events/older-age?culture=en");

        Assert.Contains("href=\"/services/parental-benefit\"", birth, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/child-allowance\"", birth, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/happy-birth-onestop\"", birth, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/services/basic-pension\"", birth, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/basic-pension\"", english, StringComparison.Ordinal);
        Assert.Contains("Basic Pension", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_page_links_to_its_life_events()
    {
        var childAllowance = await GetAsync("/services/child-allowance");
        var marriage = await GetAsync("/services/marriage-registration");

        Assert.Contains("href=\"/life-events/birth\"", childAllowance, StringComparison.Ordinal);
        // No portal page for marriage: the link browses the catalogue by the event instead.
        Assert.Contains("href=\"/services?event=marriage\"", marriage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_portal_life_event_page_gathers_at_least_one_service()
    {
        var catalogue = new Features.ServiceCatalogue();

        foreach (var page in new[] { "birth", "youth", "older-age", "disability", "jobs", "moving", "business", "foreign-residents" })
        {
            Assert.NotEmpty(catalogue.ForLifeEventPage(page));
        }
    }
}
