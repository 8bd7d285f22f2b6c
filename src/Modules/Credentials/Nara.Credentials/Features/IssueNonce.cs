using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.Oid4vci;

namespace Nara.Credentials.Features;

/// <summary>
/// c_nonce values for key proofs (OpenID4VCI §7): random, short-lived, each accepted once. Stored (hash only) because
/// a stateless nonce could be replayed within its lifetime; spending one is a conditional DELETE.
/// </summary>
internal sealed class IssueNonce(CredentialsDbContext db, IOptions<CredentialsOptions> options, TimeProvider clock)
{
    public async Task<string> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nonce = Secrets.New();
        await db.Nonces.Where(n => n.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.Nonces.Add(new IssuanceNonce { Hash = Secrets.Hash(nonce), ExpiresAt = now + options.Value.NonceLifetime });
        await db.SaveChangesAsync(cancellationToken);
        return nonce;
    }

    /// <summary>True once for a nonce this issuer gave out and that has not expired; false ever after.</summary>
    public async Task<bool> SpendAsync(string nonce, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(nonce);
        return await db.Nonces.Where(n => n.Hash == hash && n.ExpiresAt > now).ExecuteDeleteAsync(cancellationToken) == 1;
    }
}
