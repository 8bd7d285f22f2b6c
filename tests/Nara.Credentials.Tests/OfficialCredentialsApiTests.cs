using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Credentials.Data;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// Officials manage credentials' status: only credential officers, only of the issuing agency (MOIS for the mobile ID),
/// always with a reason, always audited; a revoked credential stays revoked.
/// </summary>
public sealed class OfficialCredentialsApiTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _wallet = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _wallet.Dispose();

    private Task<HttpClient> MoisOfficerAsync() => factory.OfficialAsync("MOIS", "credential-officer");

    private static Task<HttpResponseMessage> SetStatusAsync(HttpClient client, Guid id, string status, string? reason) =>
        client.PostAsJsonAsync($"/api/credentials/{id}/status", new { status, reason });

    [Fact]
    public async Task A_mois_credential_officer_suspends_and_reinstates_a_mobile_id_with_a_reason()
    {
        var (id, issued) = await (await factory.CitizenAsync(DemoPersonas.YoungJobseeker)).IssueMobileIdAsync(_wallet);
        var officer = await MoisOfficerAsync();

        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/credentials/{id}");
        Assert.Equal("valid", found.GetProperty("status").GetString());
        Assert.Equal("MOIS", found.GetProperty("agency").GetString());
        Assert.False(found.TryGetProperty("name", out _)); // the issuer keeps no claims

        (await SetStatusAsync(officer, id, "suspended", "reported stolen at the counter")).EnsureSuccessStatusCode();
        Assert.Equal("suspended", await factory.RejectionAsync(issued, _wallet));
        Assert.Equal(2, await factory.PublishedStatusAsync(issued));

        (await SetStatusAsync(officer, id, "valid", "the holder found the phone")).EnsureSuccessStatusCode();
        Assert.Null(await factory.RejectionAsync(issued, _wallet));
    }

    [Fact]
    public async Task A_citizen_cannot_use_the_officials_api_even_for_their_own_credential()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.SingleParent);
        var (id, issued) = await citizen.IssueMobileIdAsync(_wallet);

        var find = await citizen.GetAsync(new Uri($"/api/credentials/{id}", UriKind.Relative));
        var change = await SetStatusAsync(citizen, id, "revoked", "trying the officials' door");

        Assert.Equal(HttpStatusCode.Forbidden, find.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Null(await factory.RejectionAsync(issued, _wallet));
    }

    [Fact]
    public async Task Officials_without_the_credential_officer_role_or_of_another_agency_are_refused_and_nothing_changes()
    {
        var (id, issued) = await (await factory.CitizenAsync(DemoPersonas.BusinessOwner)).IssueMobileIdAsync(_wallet);
        var moisAuditor = await factory.OfficialAsync("MOIS", "registry-viewer auditor administrator");
        var otherAgencyOfficer = await factory.OfficialAsync("MOHW", "credential-officer");

        var noRole = await SetStatusAsync(moisAuditor, id, "revoked", "not my job");
        var wrongAgency = await SetStatusAsync(otherAgencyOfficer, id, "revoked", "not my agency's credential");
        var wrongAgencyFind = await otherAgencyOfficer.GetAsync(new Uri($"/api/credentials/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongAgency.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongAgencyFind.StatusCode);
        Assert.Null(await factory.RejectionAsync(issued, _wallet));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("x")]
    public async Task A_status_change_without_a_real_reason_is_a_validation_problem_and_changes_nothing(string? reason)
    {
        var (id, issued) = await (await factory.CitizenAsync(DemoPersonas.DisabledAdult)).IssueMobileIdAsync(_wallet);

        var response = await SetStatusAsync(await MoisOfficerAsync(), id, "revoked", reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(await factory.RejectionAsync(issued, _wallet));
    }

    [Fact]
    public async Task An_unknown_credential_is_not_found_and_an_unknown_status_is_refused()
    {
        var officer = await MoisOfficerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await SetStatusAsync(officer, Guid.NewGuid(), "revoked", "no such credential")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(new Uri($"/api/credentials/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SetStatusAsync(officer, Guid.NewGuid(), "lost", "a reason")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_credential_stays_revoked_for_officials_and_for_the_holder()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);
        var (id, issued) = await citizen.IssueMobileIdAsync(_wallet);
        var officer = await MoisOfficerAsync();

        (await SetStatusAsync(officer, id, "revoked", "registration cancelled")).EnsureSuccessStatusCode();
        var officialReinstate = await SetStatusAsync(officer, id, "valid", "changed my mind");
        var holderReinstate = await citizen.PostAsJsonAsync($"/api/credentials/my/{id}/status", new { status = "valid" });
        var suspendAll = await citizen.PostAsync(new Uri("/api/credentials/my/suspend-all", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, officialReinstate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, holderReinstate.StatusCode);
        suspendAll.EnsureSuccessStatusCode();
        Assert.Equal("revoked", await factory.RejectionAsync(issued, _wallet));
        Assert.Equal(1, await factory.PublishedStatusAsync(issued));
    }

    [Fact]
    public async Task An_officials_change_is_audited_with_the_official_their_agency_and_the_reason()
    {
        var (id, _) = await (await factory.CitizenAsync(DemoPersonas.FatherOfNewborn)).IssueMobileIdAsync(_wallet);
        (await SetStatusAsync(await MoisOfficerAsync(), id, "suspended", "court order 2026-123")).EnsureSuccessStatusCode();

        List<Guid> messages;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages;
            messages = await outbox.Where(m => m.Payload.Contains(id.ToString()) && m.Payload.Contains("court order 2026-123")).Select(m => m.Id).ToListAsync();
            var payload = await outbox.Where(m => messages.Contains(m.Id)).Select(m => m.Payload).SingleAsync();
            Assert.Contains("\"kind\":\"official\"", payload, StringComparison.Ordinal);
            Assert.Contains("\"agency\":\"MOIS\"", payload, StringComparison.Ordinal);
        }

        await factory.DrainOutboxAsync();

        await using var check = factory.Services.CreateAsyncScope();
        var receipts = await check.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(messages, CancellationToken.None);
        Assert.Single(receipts);
    }

    [Fact]
    public async Task The_officials_page_finds_a_credential_by_id_and_changes_its_status_without_javascript()
    {
        var (id, issued) = await (await factory.CitizenAsync(DemoPersonas.MotherOfNewborn)).IssueMobileIdAsync(_wallet);
        var officer = await MoisOfficerAsync();

        var page = await officer.GetStringAsync(new Uri($"/officials/credentials?id={id}", UriKind.Relative));
        Assert.Contains("모바일 주민등록증", page, StringComparison.Ordinal);
        using var noReason = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(), ["status"] = "suspended", ["reason"] = "", ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        var refused = await officer.PostAsync(new Uri("/officials/credentials", UriKind.Relative), noReason);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("사유를", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.RejectionAsync(issued, _wallet));

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(), ["status"] = "suspended", ["reason"] = "분실 신고 (창구)", ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        var posted = await officer.PostAsync(new Uri("/officials/credentials", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await officer.GetStringAsync(posted.Headers.Location!);
        Assert.Contains("일시 정지", after, StringComparison.Ordinal);
        Assert.Equal("suspended", await factory.RejectionAsync(issued, _wallet));
    }

    [Fact]
    public async Task The_officials_page_is_closed_to_citizens_and_to_officials_without_the_role()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.SingleParentChild1);
        var official = await factory.OfficialAsync("MOIS", "registry-viewer");
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var client in new[] { citizen, official, anonymous })
        {
            var response = await client.GetAsync(new Uri("/officials/credentials", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
