using Microsoft.Extensions.Options;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Features;

/// <summary>
/// "Add this decision letter to my wallet": the portal makes a holder key, issues the applicant's letter bound to it
/// (<see cref="IssueDecisionLetter"/>: the applicant's own decided case only) and keeps both in the web wallet, in one
/// transaction. Someone else's case, or one not recorded yet, issues and keeps nothing.
/// </summary>
internal sealed class IssueDecisionLetterToWallet(IssueDecisionLetter issue, AddToWallet wallet, CredentialsDbContext db, IOptions<CredentialsOptions> options)
{
    /// <returns>The wallet entry's id (the credential's id); null when the account has no decided case with that id.</returns>
    public async Task<Guid?> ExecuteAsync(
        Guid caseId, Guid applicantAccountId, long residentId, string? fallbackName, string issuer, CredentialActor actor, CancellationToken cancellationToken)
    {
        using var holderKey = AddToWallet.NewHolderKey();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issued = await issue.ExecuteAsync(
            caseId, applicantAccountId, residentId, fallbackName, Es256.PublicJwk(holderKey), issuer, options.Value.Validity, actor, cancellationToken);
        if (issued is not { } result)
        {
            return null;
        }

        wallet.Add(result.Id, residentId, CredentialTypes.DecisionLetter.Id, result.Credential.Compact, holderKey, actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result.Id;
    }
}
