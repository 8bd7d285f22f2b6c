using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Features;

/// <summary>
/// Records each new version of a status list when the issuer first serves it, for the audit log
/// (<see cref="CredentialStatusListPublished"/>). A fetch of an unchanged list costs a dictionary lookup; the
/// fetches themselves are never recorded, because who checks the list is what the issuer must not learn.
/// </summary>
internal sealed class RecordStatusPublication(CredentialsDbContext db, PublishedDigests published, TimeProvider clock)
{
    public async Task ExecuteAsync(int list, StatusList statusList, CancellationToken cancellationToken)
    {
        var digest = statusList.Digest();
        if (published.Is(list, digest))
        {
            return;
        }

        var latest = await db.StatusPublications.AsNoTracking().Where(p => p.List == list)
            .OrderByDescending(p => p.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (latest?.Digest != digest)
        {
            var now = clock.GetUtcNow();
            var publication = new StatusPublication
            {
                List = list, Sequence = (latest?.Sequence ?? 0) + 1, Digest = digest, PublishedAt = now,
                Revoked = statusList.Count(StatusList.Invalid), Suspended = statusList.Count(StatusList.Suspended),
            };
            db.StatusPublications.Add(publication);
            db.Publish(new CredentialStatusListPublished(list, publication.Sequence, digest, publication.Revoked, publication.Suspended, now), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another host recorded this step of the list first (same list and sequence): its entry stands.
                db.ChangeTracker.Clear();
                return;
            }
        }

        published.Remember(list, digest);
    }
}

/// <summary>The digest last recorded per list on this host, so an unchanged list is not looked up on every fetch.</summary>
internal sealed class PublishedDigests
{
    private readonly ConcurrentDictionary<int, string> _digests = new();

    public bool Is(int list, string digest) => _digests.TryGetValue(list, out var known) && known == digest;

    public void Remember(int list, string digest) => _digests[list] = digest;
}
