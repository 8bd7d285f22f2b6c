using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Features;

/// <summary>
/// "Get a certificate" on the web wallet: the portal makes a holder key, issues the e-certificate bound to it (records
/// through the mediator, as <see cref="IssueCertificate"/> does for third-party wallets) and keeps both in the wallet.
/// Issuance and the wallet entry commit in one transaction; any refusal leaves nothing behind.
/// </summary>
internal sealed class IssueCertificateToWallet(IssueCertificate issue, AddToWallet wallet, CredentialsDbContext db)
{
    public async Task<IssueCertificate.Result> ExecuteAsync(
        long residentId, string typeId, string issuer, TimeSpan validity, CredentialActor actor, CancellationToken cancellationToken)
    {
        // Read before the transaction: the mediator logs the read on its own connection (see IssueCertificate.ReadAsync).
        var read = await issue.ReadAsync(residentId, typeId, actor, cancellationToken);
        if (read.Content is null)
        {
            return read.Result;
        }

        using var holderKey = AddToWallet.NewHolderKey();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await issue.MintAsync(residentId, read, Es256.PublicJwk(holderKey), issuer, validity, actor, cancellationToken);
        var (id, type, credential) = (result.Id!.Value, result.Type!, result.Credential!);

        wallet.Add(id, residentId, type.Id, credential.Compact, holderKey, actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
