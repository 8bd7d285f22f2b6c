using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Contracts;
using Nara.Kernel.Events;
using Nara.Testing;

namespace Nara.Audit.Tests;

/// <summary>
/// The citizen's web wallet: adding and removing a credential are logged against the resident, type only; an
/// officer's search for a resident's credentials is logged against the resident with who and why.
/// </summary>
public sealed class WalletAuditTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Adding_and_removing_a_wallet_credential_are_logged_against_the_resident_with_its_type_only()
    {
        var entry = Guid.NewGuid();
        var citizen = new CredentialActor("citizen", Guid.NewGuid().ToString("D"));
        await HandleAsync(new WalletCredentialAdded(entry, 987_654, "resident-id", citizen, DateTimeOffset.UnixEpoch));
        await HandleAsync(new WalletCredentialRemoved(entry, 987_654, "resident-id", citizen, DateTimeOffset.UnixEpoch));

        await using var scope = factory.Services.CreateAsyncScope();
        var id = entry.ToString("D");
        var entries = await scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>().Entries.AsNoTracking()
            .Where(e => e.CorrelationId == id).OrderBy(e => e.Index).ToListAsync();
        Assert.Equal(["credentials.wallet.add", "credentials.wallet.remove"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("resident", e.SubjectType);
            Assert.Equal("987654", e.SubjectId);
            Assert.Equal("citizen", e.ActorKind);
            Assert.Contains("resident-id", e.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_officers_search_by_resident_is_logged_with_the_official_their_agency_and_the_reason_as_purpose()
    {
        var official = new CredentialActor("official", Guid.NewGuid().ToString("D"), "NTS", "credential-officer");
        await HandleAsync(new CredentialsSearchedByResident(123_456, "NTS", 2, "민원 접수 2026-77 확인", official, DateTimeOffset.UnixEpoch));
        await HandleAsync(new CredentialsSearchedByResident(null, "NTS", 0, "wrong number typed?", official, DateTimeOffset.UnixEpoch));

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>().Entries.AsNoTracking()
            .Where(e => e.ActorId == official.Id).OrderBy(e => e.Index).ToListAsync();
        Assert.Equal(["credentials.search", "credentials.search"], entries.Select(e => e.Action));
        Assert.Equal(["123456", "unknown"], entries.Select(e => e.SubjectId));
        Assert.Equal(["민원 접수 2026-77 확인", "wrong number typed?"], entries.Select(e => e.Purpose));
        Assert.All(entries, e =>
        {
            Assert.Equal("resident", e.SubjectType);
            Assert.Equal("official", e.ActorKind);
            Assert.Equal("NTS", e.ActorAgency);
            Assert.Equal("credential-officer", e.ActorRole);
        });
        Assert.Contains("\"found\":\"2\"", entries[0].Detail, StringComparison.Ordinal);
    }

    private async Task HandleAsync<T>(T e)
        where T : IIntegrationEvent
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<T>>().Single(h => h is Features.RecordCredentialChange);
        await handler.HandleAsync(new IntegrationEventEnvelope<T>(Guid.NewGuid(), DateTimeOffset.UnixEpoch, e), CancellationToken.None);
    }
}
