using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Testing;

namespace Nara.Audit.Tests;

public sealed class IdentityAuditTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_sign_in_is_logged_with_the_officials_agency_and_roles()
    {
        var account = await factory.EnsureOfficialAsync(OfficialAccounts.MinistryOfficial);
        _ = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);
        await factory.DrainOutboxAsync();

        var entries = await EntriesAsync("account", account.ToString("D"));
        var entry = Assert.Single(entries, e => e.Action == "identity.sign-in");
        Assert.Equal("official", entry.ActorKind);
        Assert.Equal("MOIS", entry.ActorAgency);
        Assert.Contains("auditor", entry.ActorRole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Granting_and_revoking_an_agency_clients_access_are_both_logged()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>();
            var registration = await admin.RegisterAsync(new NewAgencyClient("KR/GOV/MOEL/audit-test", "MOEL", "Audit test", ["registries:jobseekers:read"]), CancellationToken.None);
            Assert.NotNull(registration.Key);
            Assert.True(await admin.RevokeAsync("KR/GOV/MOEL/audit-test", CancellationToken.None));
            Assert.True(await admin.RevokeAsync("KR/GOV/MOEL/audit-test", CancellationToken.None)); // already revoked: no second entry
        }

        await factory.DrainOutboxAsync();

        var entries = await EntriesAsync("agency-client", "KR/GOV/MOEL/audit-test");
        Assert.Single(entries, e => e.Action == "identity.agency-client.register");
        Assert.Single(entries, e => e.Action == "identity.agency-client.revoke");
    }

    private async Task<List<Domain.AuditRecord>> EntriesAsync(string type, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>();
        return await db.Entries.AsNoTracking().Where(e => e.SubjectType == type && e.SubjectId == id).ToListAsync();
    }
}
