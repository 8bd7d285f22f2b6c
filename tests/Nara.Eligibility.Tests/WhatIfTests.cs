using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Eligibility.Data;
using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>What-if for officials: a reform over the current population, by region and age band, stored nowhere but the audit log.</summary>
public sealed class WhatIfTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private async Task<T> WithDbAsync<T>(Func<EligibilityDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EligibilityDbContext>());
    }

    private Task<int> WhatIfEventsAsync() => WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type.Contains("WhatIfEvaluated")));

    private Task<List<string>> StoredAsync() => WithDbAsync(db => db.Results.OrderBy(r => r.ResidentId).Select(r => r.ResidentId + r.Results).ToListAsync());

    private static async Task<JsonElement> PostAsync(HttpClient client, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/eligibility/what-if", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static long Sum(JsonElement groups, string field) => groups.EnumerateArray().Sum(g => g.GetProperty(field).GetInt64());

    [Fact]
    public async Task Lowering_the_basic_pension_income_limit_shows_residents_losing_it_by_region_and_age_band_and_stores_nothing_but_the_audit_event()
    {
        await EligibilityTools.RunAsync(factory.Services, "test", false, "2026-03", null, CancellationToken.None);
        var stored = await StoredAsync();
        var runs = await WithDbAsync(db => db.Runs.CountAsync());
        var events = await WhatIfEventsAsync();
        var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);

        var cut = await PostAsync(official, new { parameter = "basic_pension.income_limit_single", since = "2026-03-01", value = "0" }, HttpStatusCode.OK);
        var raise = await PostAsync(official, new { parameter = "basic_pension.amount", since = "2026-02-15", value = "1,000,000" }, HttpStatusCode.OK);

        var total = cut.GetProperty("total");
        Assert.Equal("2026-03", cut.GetProperty("month").GetString());
        Assert.True(total.GetProperty("noLongerEligible").GetInt32() > 0, total.ToString());
        Assert.Equal(0, total.GetProperty("newlyEligible").GetInt32());
        Assert.True(total.GetProperty("monthlyAmountAfter").GetInt64() < total.GetProperty("monthlyAmountBefore").GetInt64());
        foreach (var breakdown in new[] { "byRegion", "byAgeBand" })
        {
            var groups = cut.GetProperty(breakdown);
            Assert.True(groups.GetArrayLength() > 1, breakdown);
            foreach (var field in new[] { "residents", "noLongerEligible", "monthlyAmountBefore", "monthlyAmountAfter" })
            {
                Assert.Equal(total.GetProperty(field).GetInt64(), Sum(groups, field));
            }
        }

        // Under 65 nobody can lose the basic pension.
        Assert.All(cut.GetProperty("byAgeBand").EnumerateArray().Where(g => g.GetProperty("key").GetString() != "65세 이상"),
            g => Assert.Equal(0, g.GetProperty("noLongerEligible").GetInt32()));
        Assert.Contains(cut.GetProperty("byRegion").EnumerateArray(), g => g.GetProperty("nameEn").GetString() == "Seoul");

        // A date in the middle of a month: the first whole month it applies; more money, nobody gains or loses.
        Assert.Equal("2026-03", raise.GetProperty("month").GetString());
        Assert.True(raise.GetProperty("total").GetProperty("monthlyAmountAfter").GetInt64() > raise.GetProperty("total").GetProperty("monthlyAmountBefore").GetInt64());
        Assert.Equal(0, raise.GetProperty("total").GetProperty("newlyEligible").GetInt32() + raise.GetProperty("total").GetProperty("noLongerEligible").GetInt32());

        Assert.Equal(stored, await StoredAsync());
        Assert.Equal(runs, await WithDbAsync(db => db.Runs.CountAsync()));
        Assert.Equal(events + 2, await WhatIfEventsAsync());
        await factory.DrainOutboxAsync();
        var audited = await WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM audit_entries WHERE \"Action\" = 'eligibility.what-if' AND \"SubjectId\" = 'basic_pension.income_limit_single'").SingleAsync());
        Assert.True(audited >= 1);
    }

    [Theory]
    [InlineData("basic_pension.no_such_limit", "2026-03-01", "100", "parameter")]
    [InlineData("basic_pension.amount", "2026-03-01", "a lot", "value")]
    [InlineData("basic_pension.amount", "2026-03-01", "-5", "value")]
    [InlineData("basic_pension.amount", "2026-13-01", "400000", "since")]
    [InlineData("basic_pension.amount", "01/03/2026", "400000", "since")]
    public async Task Bad_input_is_refused_with_the_field_at_fault_and_nothing_is_evaluated_or_recorded(string parameter, string since, string value, string field)
    {
        var events = await WhatIfEventsAsync();
        var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);

        var problem = await PostAsync(official, new { parameter, since, value }, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), problem.ToString());
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(events, await WhatIfEventsAsync());
    }

    [Fact]
    public async Task The_officials_page_works_without_javascript_in_english_and_says_plainly_what_is_wrong()
    {
        var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var form = await official.GetStringAsync(new Uri("/officials/eligibility/what-if?culture=en", UriKind.Relative));
        Assert.Contains("What-if: a change to the rules", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Contains("basic_pension.income_limit_single", form, StringComparison.Ordinal);

        async Task<(HttpStatusCode, string)> SubmitAsync(string value, string since)
        {
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Parameter"] = "basic_pension.amount",
                ["Value"] = value,
                ["Since"] = since,
                ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(form),
            });
            var response = await official.PostAsync(new Uri("/officials/eligibility/what-if?culture=en", UriKind.Relative), body);
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var (okStatus, result) = await SubmitAsync("400000", "2026-03-01");
        var (badStatus, refused) = await SubmitAsync("four hundred thousand", "2026-03-01");

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Contains("Result for 2026-03", result, StringComparison.Ordinal);
        Assert.Contains("By region (시도)", result, StringComparison.Ordinal);
        Assert.Contains("By age band", result, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("Enter the new value as a number", refused, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Result for", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citizens_may_not_use_the_what_if_page_or_api()
    {
        var citizen = await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(Registries.Contracts.DemoPersonas.ElderlyAlone.ResidentNumber, Registries.Contracts.DemoPersonas.ElderlyAlone.NameKo));

        var page = await citizen.GetAsync(new Uri("/officials/eligibility/what-if", UriKind.Relative));
        var api = await citizen.PostAsJsonAsync(new Uri("/api/eligibility/what-if", UriKind.Relative), new { parameter = "basic_pension.amount", since = "2026-03-01", value = "1" });

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.True(api.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, api.StatusCode.ToString());
    }
}
