using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>Issuer-side status publication is audited once per version of the list, never per fetch.</summary>
public sealed class StatusPublicationTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private static readonly CredentialActor Citizen = new("citizen", "test");
    private readonly ECDsa _holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _holder.Dispose();

    [Fact]
    public async Task Each_new_version_of_the_status_list_is_recorded_once_and_reaches_the_audit_log_but_fetches_are_not()
    {
        await FetchListAsync();
        var first = await PublicationsAsync();
        await FetchListAsync();
        await FetchListAsync();
        Assert.Equal(first, await PublicationsAsync()); // unchanged content: nothing new, however often it is fetched

        var residentId = await factory.ResidentIdOfAsync(DemoPersonas.ElderlyAlone);
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (id, _) = (await scope.ServiceProvider.GetRequiredService<IssueResidentId>()
                .ExecuteAsync(residentId, Es256.PublicJwk(_holder), "http://localhost", TimeSpan.FromDays(365), Citizen, CancellationToken.None))!.Value;
            await scope.ServiceProvider.GetRequiredService<ChangeCredentialStatus>().ExecuteAsync(
                id, StatusList.Invalid, "lost phone", ChangeCredentialStatus.Scope.Owner(residentId), Citizen, CancellationToken.None);
        }

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

    private async Task<List<(Guid MessageId, int Sequence, int Revoked)>> PublicationsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var type = typeof(CredentialStatusListPublished).FullName;
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == type).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Payload }).ToListAsync();
        var rows = await db.StatusPublications.AsNoTracking().OrderBy(p => p.Sequence).ToListAsync();
        Assert.Equal(rows.Count, messages.Count);
        return [.. rows.Zip(messages, (p, m) => (m.Id, p.Sequence, p.Revoked))];
    }
}
