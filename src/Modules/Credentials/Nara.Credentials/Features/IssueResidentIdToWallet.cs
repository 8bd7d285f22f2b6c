using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Features;

/// <summary>
/// "Get my mobile ID" on the web wallet: the portal makes a holder key for the citizen, issues the mobile ID bound to
/// it, and keeps both in the wallet. Issuance and the wallet entry commit in one transaction.
/// </summary>
internal sealed class IssueResidentIdToWallet(IssueResidentId issue, AddToWallet wallet, CredentialsDbContext db)
{
    /// <returns>The wallet entry's id (the credential's id); null when the resident is not registered.</returns>
    public async Task<Guid?> ExecuteAsync(long residentId, string issuer, TimeSpan validity, CredentialActor actor, CancellationToken cancellationToken)
    {
        using var holderKey = AddToWallet.NewHolderKey();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issued = await issue.ExecuteAsync(residentId, Es256.PublicJwk(holderKey), issuer, validity, actor, cancellationToken);
        if (issued is not { } result)
        {
            return null;
        }

        wallet.Add(result.Id, residentId, CredentialTypes.ResidentId.Id, result.Credential.Compact, holderKey, actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result.Id;
    }
}
