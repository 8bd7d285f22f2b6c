using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Features;

/// <summary>
/// A lost phone: every credential of the citizen that is valid now (not revoked, not already suspended, not expired)
/// is suspended in one transaction, with one audited <c>CredentialStatusChanged</c> each. Revoked ones stay revoked;
/// the citizen reinstates them one by one once the phone is found (or revokes them).
/// </summary>
internal sealed class SuspendAllCredentials(CredentialsDbContext db, StatusSnapshot snapshot, TimeProvider clock)
{
    public const string Reason = "lost phone: all credentials suspended by the holder";

    public async Task<IReadOnlyList<Guid>> ExecuteAsync(long residentId, CredentialActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var valid = await db.Issued.Where(c => c.ResidentId == residentId && c.Status == StatusList.Valid && c.ExpiresAt > now).ToListAsync(cancellationToken);
        var suspended = new List<Guid>();
        foreach (var credential in valid)
        {
            credential.Status = StatusList.Suspended;
            credential.StatusChangedAt = now;
            db.Publish(new CredentialStatusChanged(credential.Id, credential.ResidentId, credential.Type, "suspended", Reason, actor, now), now);
            suspended.Add(credential.Id);
        }

        if (suspended.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            snapshot.Invalidate();
        }

        return suspended;
    }

    /// <summary>How many credentials a suspend-all would suspend now (the confirm step shows it).</summary>
    public async Task<int> CountAsync(long residentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Issued.CountAsync(c => c.ResidentId == residentId && c.Status == StatusList.Valid && c.ExpiresAt > now, cancellationToken);
    }
}
