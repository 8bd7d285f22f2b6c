using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nara.Audit.Data;
using Nara.Audit.Features;
using Nara.Audit.Signing;
using Nara.Kernel.Http;

namespace Nara.Audit.Api;

/// <summary>
/// Public, unauthenticated: tree heads, proofs and the public key reveal hashes only, and anyone must be
/// able to check that the log was not rewritten. Entry contents are never served here.
/// </summary>
internal static class AuditEndpoints
{
    private const int MaxHeads = 1000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/audit").WithTags("Audit").AllowAnonymous();
        api.MapGet("/tree-heads/latest", LatestAsync).WithName("GetLatestAuditTreeHead");
        api.MapGet("/tree-heads", ListAsync).WithName("ListAuditTreeHeads");
        api.MapGet("/proofs/inclusion", InclusionAsync).WithName("GetAuditInclusionProof");
        api.MapGet("/proofs/consistency", ConsistencyAsync).WithName("GetAuditConsistencyProof");
        api.MapGet("/public-key", PublicKey).WithName("GetAuditPublicKey");
        api.MapGet("/keys", KeysAsync).WithName("ListAuditSigningKeys");
    }

    private static async Task<IResult> LatestAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        var head = await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);
        return head is null ? Problems.NotFound("No tree head has been signed yet.") : Results.Ok(SignedTreeHead.From(head));
    }

    /// <summary>Heads whose tree size lies in [from, to], oldest first, at most 1000.</summary>
    private static async Task<IResult> ListAsync(string? from, string? to, AuditDbContext db, CancellationToken cancellationToken)
    {
        if (!TryParse(from, 0, out var low) || !TryParse(to, long.MaxValue, out var high) || low < 0 || high < low)
        {
            return Problems.Validation("from", "from and to must be tree sizes with 0 ≤ from ≤ to.");
        }

        var heads = await db.TreeHeads.AsNoTracking().Where(h => h.TreeSize >= low && h.TreeSize <= high)
            .OrderBy(h => h.TreeSize).Take(MaxHeads).ToListAsync(cancellationToken);
        return Results.Ok(heads.Select(SignedTreeHead.From).ToList());
    }

    private static async Task<IResult> InclusionAsync(string? index, string? treeSize, ProveInclusion prove, CancellationToken cancellationToken)
    {
        if (!TryParse(index, null, out var i) || !TryParse(treeSize, null, out var n))
        {
            return Problems.Validation("index", "index and treeSize are required whole numbers.");
        }

        var (proof, error) = await prove.ProveAsync(i, n, cancellationToken);
        return proof is null ? Problems.Validation("index", error!) : Results.Ok(proof);
    }

    private static async Task<IResult> ConsistencyAsync(string? first, string? second, ProveConsistency prove, CancellationToken cancellationToken)
    {
        if (!TryParse(first, null, out var m) || !TryParse(second, null, out var n))
        {
            return Problems.Validation("first", "first and second are required whole numbers.");
        }

        var (proof, error) = await prove.ProveAsync(m, n, cancellationToken);
        return proof is null ? Problems.Validation("first", error!) : Results.Ok(proof);
    }

    /// <summary>The key signing heads now.</summary>
    private static IResult PublicKey(AuditSigningKey key)
    {
        var (x, y) = AuditKeys.Coordinates(key.PublicKey);
        return Results.Ok(new
        {
            keyId = key.KeyId,
            algorithm = "ES256",
            pem = AuditKeys.Pem(key.PublicKey),
            jwk = new { kty = "EC", crv = "P-256", x, y, kid = key.KeyId, alg = "ES256", use = "sig" },
        });
    }

    /// <summary>
    /// The whole key history, oldest first: each key with the time it took over and its predecessor's
    /// endorsement, so a verifier that trusts the first key can check heads signed by any later one.
    /// </summary>
    private static async Task<IResult> KeysAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.SigningKeys.AsNoTracking().OrderBy(k => k.ValidFrom).ToListAsync(cancellationToken);
        return Results.Ok(records.Select(r =>
        {
            var key = WitnessedKey.From(r);
            return new { key.KeyId, key.Algorithm, key.ValidFrom, key.PreviousKeyId, key.Endorsement, pem = AuditKeys.Pem(r.PublicKey), jwk = key.Jwk() };
        }).ToList());
    }

    // Query values are bound as strings so that "abc" answers our problem document, not the framework's.
    private static bool TryParse(string? raw, long? fallback, out long value)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            value = fallback ?? 0;
            return fallback.HasValue;
        }

        return long.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
