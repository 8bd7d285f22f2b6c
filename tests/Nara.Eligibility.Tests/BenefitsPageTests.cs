using System.Net;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>"Benefits for you" on registry data; the test clock is 2026-03-02, so the month is 2026-03.</summary>
public sealed class BenefitsPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<HttpClient> SignedInAsync(DemoPersona persona)
    {
        var account = await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        return await factory.SignedInAsAsync(account);
    }

    private static async Task<string> PageAsync(HttpClient client, string query = "?culture=en")
    {
        var response = await client.GetAsync(new Uri("/my/benefits" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_elderly_resident_living_alone_sees_the_basic_pension_with_its_explanation_and_a_link_to_apply()
    {
        var html = await PageAsync(await SignedInAsync(DemoPersonas.ElderlyAlone));

        var eligible = html[html.IndexOf("id=\"eligible\"", StringComparison.Ordinal)..html.IndexOf("id=\"unknown\"", StringComparison.Ordinal)];
        Assert.Contains("Basic Pension — you", eligible, StringComparison.Ordinal);
        Assert.Contains("KRW 342,510 a month", eligible, StringComparison.Ordinal);
        Assert.Contains("income 800,000 is within the limit 2,280,000 (기초연금법 시행령, 2025)", eligible, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/basic-pension/apply\"", eligible, StringComparison.Ordinal);
        Assert.Contains("Housing Benefit", eligible, StringComparison.Ordinal);
        Assert.Contains("Energy Voucher", eligible, StringComparison.Ordinal);
        var refused = html[html.IndexOf("id=\"not-eligible\"", StringComparison.Ordinal)..];
        Assert.Contains("income 800,000 is above the limit 765,444, 32% of the median income 2,392,013 (국민기초생활 보장법 제8조, 2024)", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mother_sees_the_parental_benefit_for_her_newborn_in_korean_by_default()
    {
        var html = await PageAsync(await SignedInAsync(DemoPersonas.MotherOfNewborn), query: "");

        Assert.Contains("나를 위한 혜택", html, StringComparison.Ordinal);
        Assert.Contains("부모급여 — 이하린", html, StringComparison.Ordinal);
        Assert.Contains("월 1,000,000원", html, StringComparison.Ordinal);
        Assert.Contains("월령 2개월: 0~23개월에 해당합니다", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_no_registry_holds_are_shown_as_unknown_rather_than_guessed()
    {
        var html = await PageAsync(await SignedInAsync(DemoPersonas.ForeignResident));

        var unknown = html[html.IndexOf("id=\"unknown\"", StringComparison.Ordinal)..html.IndexOf("id=\"not-eligible\"", StringComparison.Ordinal)];
        Assert.Contains("Energy Voucher", unknown, StringComparison.Ordinal);
        Assert.Contains("Pregnant", unknown, StringComparison.Ordinal);
        Assert.Contains("Receives education benefit", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_month_can_be_checked_and_a_malformed_one_is_explained()
    {
        var client = await SignedInAsync(DemoPersonas.ElderlyAlone);

        Assert.Contains("in 2025-06", await PageAsync(client, "?culture=en&month=2025-06"), StringComparison.Ordinal);
        Assert.Contains("Give the month as year-month", await PageAsync(client, "?culture=en&month=2025-6"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_needs_a_signed_in_citizen()
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/my/benefits", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
