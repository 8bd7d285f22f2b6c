using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>Revocation and suspension through the published status list, end to end on a real database.</summary>
public sealed class StatusTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private static readonly CredentialActor Citizen = new("citizen", "test");
    private readonly ECDsa _holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _holder.Dispose();

    private async Task<(Guid Id, string Issued, long Resident)> IssueAsync(DemoPersona persona)
    {
        var residentId = await factory.ResidentIdOfAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        var (id, credential) = (await scope.ServiceProvider.GetRequiredService<IssueResidentId>()
            .ExecuteAsync(residentId, Es256.PublicJwk(_holder), "http://localhost", TimeSpan.FromDays(365), Citizen, CancellationToken.None))!.Value;
        return (id, credential.Compact, residentId);
    }

    private async Task<ChangeCredentialStatus.Result> ChangeAsync(Guid id, int status, long? owner)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChangeCredentialStatus>().ExecuteAsync(id, status, "lost phone",
            owner is { } o ? ChangeCredentialStatus.Scope.Owner(o) : ChangeCredentialStatus.Scope.OfAgency(IssueResidentId.Agency), Citizen, CancellationToken.None);
    }

    private async Task<string?> RejectionAsync(string issued)
    {
        var presentation = SdJwtPresenter.Present(issued, ["age_over_19"], _holder, "https://shop.example", "n", factory.Clock.GetUtcNow());
        var response = await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = "https://shop.example", nonce = "n" });
        return response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
    }

    private static int IndexOf(string issued)
    {
        var payload = Es256.Parse(issued.Split('~')[0])!.Payload;
        return (int)Es256.Number(payload["status"]!["status_list"]!.AsObject(), "idx")!.Value;
    }

    private async Task<int> PublishedStatusAsync(int index)
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/credentials/status/1", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/statuslist+jwt", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl!.MaxAge);
        var ring = factory.Services.GetRequiredService<IssuerKeyRing>();
        var list = StatusListToken.Read(await response.Content.ReadAsStringAsync(), "http://localhost/api/credentials/status/1", ring.Find, factory.Clock.GetUtcNow());
        return list![index];
    }

    [Fact]
    public async Task A_suspended_credential_is_refused_and_reinstating_it_makes_it_valid_again()
    {
        var (id, issued, resident) = await IssueAsync(DemoPersonas.MotherOfNewborn);
        Assert.Null(await RejectionAsync(issued));

        Assert.Equal(ChangeCredentialStatus.Result.Changed, await ChangeAsync(id, StatusList.Suspended, resident));
        Assert.Equal("suspended", await RejectionAsync(issued));
        Assert.Equal(2, await PublishedStatusAsync(IndexOf(issued)));

        Assert.Equal(ChangeCredentialStatus.Result.Changed, await ChangeAsync(id, StatusList.Valid, resident));
        Assert.Null(await RejectionAsync(issued));
        Assert.Equal(0, await PublishedStatusAsync(IndexOf(issued)));
    }

    [Fact]
    public async Task A_revoked_credential_is_refused_for_good_and_the_change_is_published_for_audit()
    {
        var (id, issued, _) = await IssueAsync(DemoPersonas.ElderlyAlone);

        Assert.Equal(ChangeCredentialStatus.Result.Changed, await ChangeAsync(id, StatusList.Invalid, null));
        Assert.Equal(ChangeCredentialStatus.Result.AlreadyRevoked, await ChangeAsync(id, StatusList.Valid, null));

        Assert.Equal("revoked", await RejectionAsync(issued));
        Assert.Equal(1, await PublishedStatusAsync(IndexOf(issued)));
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages.Select(m => m.Type).ToListAsync();
        Assert.Contains(outbox, t => t.Contains(nameof(CredentialStatusChanged), StringComparison.Ordinal));
        Assert.Contains(outbox, t => t.Contains(nameof(CredentialIssued), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_citizen_cannot_change_someone_elses_credential()
    {
        var (id, issued, _) = await IssueAsync(DemoPersonas.BusinessOwner);
        var other = await factory.ResidentIdOfAsync(DemoPersonas.DisabledAdult);

        Assert.Equal(ChangeCredentialStatus.Result.NotFound, await ChangeAsync(id, StatusList.Invalid, other));
        Assert.Null(await RejectionAsync(issued));
    }

    [Fact]
    public async Task An_unknown_status_list_is_not_found()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/credentials/status/9", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Issuance_and_status_changes_are_recorded_in_the_audit_log()
    {
        var (id, _, resident) = await IssueAsync(DemoPersonas.SingleParentChild1);
        await ChangeAsync(id, StatusList.Suspended, resident);

        List<Guid> messages;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            messages = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages.Select(m => m.Id).ToListAsync();
        }

        await factory.DrainOutboxAsync();

        await using var check = factory.Services.CreateAsyncScope();
        var receipts = await check.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(messages, CancellationToken.None);
        Assert.Equal(messages.Count, receipts.Count);
        Assert.True(messages.Count >= 2);
    }

    [Fact]
    public async Task Each_new_version_of_the_status_list_is_recorded_once_and_reaches_the_audit_log_but_fetches_are_not()
    {
        await FetchListAsync();
        var first = await PublicationsAsync();
        await FetchListAsync();
        await FetchListAsync();
        Assert.Equal(first, await PublicationsAsync()); // unchanged content: nothing new, however often it is fetched

        var (id, _, resident) = await IssueAsync(DemoPersonas.ElderlyAlone);
        await ChangeAsync(id, StatusList.Invalid, resident);

        await FetchListAsync();
        await FetchListAsync();
        var after = await PublicationsAsync();
        Assert.Equal(first.Count + 1, after.Count);
        var latest = after[^1];
        Assert.Equal(first.Count + 1, latest.Sequence);
        Assert.True(latest.Revoked >= 1);

        await factory.DrainOutboxAsync();
        await using var check = factory.Services.CreateAsyncScope();
        var receipts = await check.ServiceProvider.GetRequiredService<IAuditEvidence>()
            .FindBySourceMessagesAsync([.. after.Select(p => p.MessageId)], CancellationToken.None);
        Assert.Equal(after.Count, receipts.Count);
    }

    private async Task FetchListAsync() =>
        (await factory.CreateClient().GetAsync(new Uri("/api/credentials/status/1", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary>The recorded versions of list 1, each with the outbox message that carries it to Audit.</summary>
    private async Task<List<(Guid MessageId, int Sequence, int Revoked)>> PublicationsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var type = typeof(CredentialStatusListPublished).FullName;
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == type).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => m.Id).ToListAsync();
        var rows = await db.StatusPublications.AsNoTracking().OrderBy(p => p.Sequence).ToListAsync();
        Assert.Equal(rows.Count, messages.Count);
        return [.. rows.Zip(messages, (p, m) => (m, p.Sequence, p.Revoked))];
    }
}
