using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Features;

/// <summary>
/// Revokes (final), suspends (e.g. a lost phone) or reinstates a credential. Takes effect for verifiers at their next
/// status-list refresh; published for the audit log. A citizen may change only their own credentials.
/// </summary>
internal sealed class ChangeCredentialStatus(CredentialsDbContext db, TimeProvider clock)
{
    public enum Result
    {
        Changed,
        NotFound,
        AlreadyRevoked,
    }

    /// <param name="ownerResidentId">For a citizen: their resident id (other people's credentials are "not found"); null for officials.</param>
    public async Task<Result> ExecuteAsync(Guid credentialId, int status, string reason, long? ownerResidentId, CredentialActor actor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, StatusList.Valid);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, StatusList.Suspended);
        var credential = await db.Issued.FirstOrDefaultAsync(c => c.Id == credentialId, cancellationToken);
        if (credential is null || (ownerResidentId is { } owner && credential.ResidentId != owner))
        {
            return Result.NotFound;
        }

        if (credential.Status == StatusList.Invalid)
        {
            return Result.AlreadyRevoked;
        }

        var now = clock.GetUtcNow();
        credential.Status = status;
        credential.StatusChangedAt = now;
        var name = status switch { StatusList.Invalid => "revoked", StatusList.Suspended => "suspended", _ => "valid" };
        db.Publish(new CredentialStatusChanged(credential.Id, credential.ResidentId, credential.Type, name, reason, actor, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Changed;
    }
}
