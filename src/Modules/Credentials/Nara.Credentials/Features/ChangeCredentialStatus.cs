using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Features;

/// <summary>
/// Revokes (final), suspends (e.g. a lost phone) or reinstates a credential. Takes effect for verifiers at their next
/// status-list refresh; published for the audit log. A citizen may change only their own credentials; an official only
/// those their agency issued.
/// </summary>
internal sealed class ChangeCredentialStatus(CredentialsDbContext db, StatusSnapshot snapshot, TimeProvider clock)
{
    public enum Result
    {
        Changed,
        NotFound,
        AlreadyRevoked,
        OtherAgency,
    }

    /// <summary>Whose credential may be changed: a citizen's own (others' are "not found"), or an agency's (others' are refused).</summary>
    public sealed record Scope(long? OwnerResidentId, string? Agency)
    {
        public static Scope Owner(long residentId) => new(residentId, null);

        public static Scope OfAgency(string agency) => new(null, agency);
    }

    public async Task<Result> ExecuteAsync(Guid credentialId, int status, string reason, Scope scope, CredentialActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, StatusList.Valid);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, StatusList.Suspended);
        if (scope is { OwnerResidentId: null, Agency: null })
        {
            throw new ArgumentException("A status change is made by the owner or by an agency.", nameof(scope));
        }

        var credential = await db.Issued.FirstOrDefaultAsync(c => c.Id == credentialId, cancellationToken);
        if (credential is null || (scope.OwnerResidentId is { } owner && credential.ResidentId != owner))
        {
            return Result.NotFound;
        }

        if (scope.Agency is { } agency && !string.Equals(credential.Agency, agency, StringComparison.OrdinalIgnoreCase))
        {
            return Result.OtherAgency;
        }

        if (credential.Status == StatusList.Invalid)
        {
            return Result.AlreadyRevoked;
        }

        var now = clock.GetUtcNow();
        credential.Status = status;
        credential.StatusChangedAt = now;
        db.Publish(new CredentialStatusChanged(credential.Id, credential.ResidentId, credential.Type, NameOf(status), reason, actor, now), now);
        await db.SaveChangesAsync(cancellationToken);
        snapshot.Invalidate();
        return Result.Changed;
    }

    public static string NameOf(int status) => status switch { StatusList.Invalid => "revoked", StatusList.Suspended => "suspended", _ => "valid" };

    /// <summary>The API's and pages' status words; null when unknown.</summary>
    public static int? Parse(string? status) =>
        status switch { "valid" => StatusList.Valid, "revoked" => StatusList.Invalid, "suspended" => StatusList.Suspended, _ => null };
}
