using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Credentials.Wallet;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Tests;

/// <summary>The web wallet's store: credentials and holder keys sealed at rest, per resident, deleted together.</summary>
public sealed class WalletStorageTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    private static readonly CredentialActor Citizen = new("citizen", "test");

    private async Task<(long Resident, Guid Id)> IssueAsync(DemoPersona persona)
    {
        var resident = await factory.ResidentIdOfAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<IssueResidentIdToWallet>()
            .ExecuteAsync(resident, "http://localhost", TimeSpan.FromDays(365), Citizen, CancellationToken.None);
        return (resident, id!.Value);
    }

    [Fact]
    public async Task A_wallet_credential_is_stored_sealed_and_opens_again_with_its_key()
    {
        var (resident, id) = await IssueAsync(DemoPersonas.MotherOfNewborn);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var row = await db.Wallet.AsNoTracking().SingleAsync(w => w.Id == id);
        var stored = Encoding.UTF8.GetString(row.Sealed);
        Assert.DoesNotContain("김서연", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1993-05-14", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", stored, StringComparison.Ordinal); // no JWT (nor the base64url claims inside) in clear
        Assert.DoesNotContain(B64.Encode("김서연"), stored, StringComparison.Ordinal);

        using var opened = scope.ServiceProvider.GetRequiredService<WalletVault>().Open(resident, row.Sealed);
        Assert.NotNull(opened);
        var claims = WalletClaims.Read(opened.Credential)!;
        Assert.Equal("김서연", claims.Disclosable["name"]!.GetValue<string>());
        var cnf = Es256.PublicJwk(opened.HolderKey);
        Assert.Equal(cnf["x"]!.GetValue<string>(), claims.Visible["cnf"]!["jwk"]!["x"]!.GetValue<string>()); // the key the credential is bound to

        // The issuer's own record stays claim-free: type and status entry only.
        var issued = await db.Issued.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal("resident-id", issued.Type);
        Assert.Equal(resident, row.ResidentId);
    }

    [Fact]
    public async Task A_sealed_entry_does_not_open_for_another_resident()
    {
        var (_, id) = await IssueAsync(DemoPersonas.FatherOfNewborn);
        var other = await factory.ResidentIdOfAsync(DemoPersonas.ElderlyAlone);

        await using var scope = factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Wallet.AsNoTracking().SingleAsync(w => w.Id == id);

        Assert.Null(scope.ServiceProvider.GetRequiredService<WalletVault>().Open(other, row.Sealed));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<WalletQueries>().FindAsync(other, id, CancellationToken.None));
    }

    [Fact]
    public async Task Removing_a_wallet_credential_deletes_its_key_and_both_changes_are_published_for_the_audit_log()
    {
        var (resident, id) = await IssueAsync(DemoPersonas.SingleParent);
        await using var scope = factory.Services.CreateAsyncScope();
        var remove = scope.ServiceProvider.GetRequiredService<RemoveFromWallet>();

        Assert.False(await remove.ExecuteAsync(resident + 1, id, Citizen, CancellationToken.None)); // not theirs
        Assert.True(await remove.ExecuteAsync(resident, id, Citizen, CancellationToken.None));

        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        Assert.False(await db.Wallet.AnyAsync(w => w.Id == id));
        var outbox = await db.OutboxMessages.Select(m => m.Type).ToListAsync();
        Assert.Contains(outbox, t => t.Contains(nameof(WalletCredentialAdded), StringComparison.Ordinal));
        Assert.Contains(outbox, t => t.Contains(nameof(WalletCredentialRemoved), StringComparison.Ordinal));
    }
}
