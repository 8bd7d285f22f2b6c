using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// A credential officer lists the credentials their own agency issued to a resident, by resident registration number:
/// never another agency's, always with a reason, every search audited; no role, no search; bad input changes nothing.
/// </summary>
public sealed class OfficialSearchTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _wallet = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _wallet.Dispose();

    private static Task<HttpResponseMessage> SearchAsync(HttpClient client, string? residentNumber, string? reason) =>
        client.PostAsJsonAsync("/api/credentials/search", new { residentNumber, reason });

    private static async Task<Guid[]> IdsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("credentials").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }

    /// <summary>The elderly persona holds a mobile ID (MOIS) and an income certificate (NTS, read through the mediator).</summary>
    private async Task<(Guid MobileId, Guid Income)> TwoAgenciesCredentialsAsync()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        var (mobileId, _) = await citizen.IssueMobileIdAsync(_wallet);
        var income = await citizen.PostAsJsonAsync("/api/credentials/my/certificates/income", new { holderJwk = Es256.PublicJwk(_wallet) });
        Assert.Equal(HttpStatusCode.Created, income.StatusCode);
        return (mobileId, (await income.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private async Task<int> OutboxCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages.CountAsync();
    }

    [Fact]
    public async Task Each_agencys_officer_sees_only_the_credentials_their_agency_issued_to_the_resident()
    {
        var (mobileId, income) = await TwoAgenciesCredentialsAsync();
        var mois = await factory.OfficialAsync("MOIS", "credential-officer");
        var nts = await factory.OfficialAsync("NTS", "credential-officer");

        var moisFound = await IdsAsync(await SearchAsync(mois, DemoPersonas.ElderlyAlone.ResidentNumber, "lost phone reported at the counter"));
        var ntsFound = await IdsAsync(await SearchAsync(nts, DemoPersonas.ElderlyAlone.ResidentNumber.Replace("-", "", StringComparison.Ordinal), "income certificate complaint"));

        Assert.Contains(mobileId, moisFound);
        Assert.DoesNotContain(income, moisFound);
        Assert.Contains(income, ntsFound);
        Assert.DoesNotContain(mobileId, ntsFound);
    }

    [Fact]
    public async Task Every_search_is_audited_with_the_official_their_agency_and_the_reason_even_when_nobody_is_found()
    {
        var (mobileId, _) = await TwoAgenciesCredentialsAsync();
        var officer = await factory.OfficialAsync("MOIS", "credential-officer");
        var residentId = await factory.ResidentIdOfAsync(DemoPersonas.ElderlyAlone);

        Assert.Contains(mobileId, await IdsAsync(await SearchAsync(officer, DemoPersonas.ElderlyAlone.ResidentNumber, "audit test: case 2026-501")));
        Assert.Empty(await IdsAsync(await SearchAsync(officer, "000101-3999999", "audit test: unknown number")));

        List<Guid> messages;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages;
            var rows = await outbox.Where(m => m.Payload.Contains("audit test: ")).ToListAsync();
            Assert.Equal(2, rows.Count);
            var known = rows.Single(r => r.Payload.Contains("case 2026-501", StringComparison.Ordinal)).Payload;
            Assert.Contains($"\"residentId\":{residentId}", known, StringComparison.Ordinal);
            Assert.Contains("\"kind\":\"official\"", known, StringComparison.Ordinal);
            Assert.Contains("\"role\":\"credential-officer\"", known, StringComparison.Ordinal);
            Assert.Contains("\"agency\":\"MOIS\"", known, StringComparison.Ordinal);
            Assert.Contains("\"residentId\":null", rows.Single(r => r.Payload.Contains("unknown number", StringComparison.Ordinal)).Payload, StringComparison.Ordinal);
            Assert.All(rows, r => Assert.DoesNotContain("000101", r.Payload, StringComparison.Ordinal)); // the number searched is not kept
            messages = [.. rows.Select(r => r.Id)];
        }

        await factory.DrainOutboxAsync();
        await using var check = factory.Services.CreateAsyncScope();
        Assert.Equal(2, (await check.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(messages, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Without_the_credential_officer_role_the_search_is_forbidden()
    {
        var viewer = await factory.OfficialAsync("MOIS", "registry-viewer");
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var before = await OutboxCountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await SearchAsync(viewer, DemoPersonas.FatherOfNewborn.ResidentNumber, "just curious, no role")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SearchAsync(citizen, DemoPersonas.FatherOfNewborn.ResidentNumber, "my own credentials")).StatusCode);
        Assert.Equal(before, await OutboxCountAsync());
    }

    [Theory]
    [InlineData("93051-2101236", "a proper reason")]
    [InlineData("930514-21012367", "a proper reason")]
    [InlineData("김서연", "a proper reason")]
    [InlineData(null, "a proper reason")]
    [InlineData("930514-2101236", "")]
    [InlineData("930514-2101236", "  x ")]
    [InlineData("930514-2101236", null)]
    public async Task A_bad_number_or_a_missing_reason_is_a_400_and_nothing_is_searched_or_audited(string? residentNumber, string? reason)
    {
        var officer = await factory.OfficialAsync("MOIS", "credential-officer");
        var before = await OutboxCountAsync();

        var response = await SearchAsync(officer, residentNumber, reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await OutboxCountAsync());
    }

    [Fact]
    public async Task The_officials_page_lists_the_residents_credentials_with_a_reason_and_refuses_without_one()
    {
        var (mobileId, income) = await TwoAgenciesCredentialsAsync();
        var officer = await factory.OfficialAsync("MOIS", "credential-officer");
        var page = await officer.GetStringAsync(new Uri("/officials/credentials", UriKind.Relative));
        Assert.Contains("주민별 조회", page, StringComparison.Ordinal);

        async Task<HttpResponseMessage> PostAsync(string reason)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["ResidentNumber"] = DemoPersonas.ElderlyAlone.ResidentNumber, ["SearchReason"] = reason, ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
            });
            return await officer.PostAsync(new Uri("/officials/credentials?handler=Search", UriKind.Relative), form);
        }

        var refused = await PostAsync("");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("조회 사유를", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var found = await PostAsync("창구 분실 신고 확인");
        var html = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"data-credential=\"{mobileId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(income.ToString(), html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/officials/credentials?id={mobileId:D}\"", html, StringComparison.Ordinal);
    }
}
