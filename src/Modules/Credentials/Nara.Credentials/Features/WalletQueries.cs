using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Credentials.Wallet;

namespace Nara.Credentials.Features;

/// <summary>A wallet entry as its holder sees it. <see cref="Status"/>: valid | expired | revoked | suspended | unknown.</summary>
internal sealed record WalletItem(Guid Id, string TypeId, CredentialType? Type, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Status)
{
    public bool Presentable => Status == "valid";
}

/// <summary>A wallet entry opened: its claims (the holder may read all of them) and the issuer.</summary>
internal sealed record WalletDetail(WalletItem Item, string? Issuer, WalletClaims Claims);

/// <summary>
/// The citizen's wallet: only their own entries (someone else's id is "not found"). The status is what a verifier
/// would see: expiry from the credential, revocation and suspension from the status list it names.
/// </summary>
internal sealed class WalletQueries(CredentialsDbContext db, WalletVault vault, IStatusLists statusLists, TimeProvider clock)
{
    public async Task<IReadOnlyList<WalletItem>> ListAsync(long residentId, CancellationToken cancellationToken)
    {
        var entries = await db.Wallet.AsNoTracking().Where(w => w.ResidentId == residentId).ToListAsync(cancellationToken);
        var items = new List<WalletItem>(entries.Count);
        foreach (var entry in entries.OrderByDescending(e => e.AddedAt))
        {
            using var contents = vault.Open(residentId, entry.Sealed);
            var claims = contents is null ? null : WalletClaims.Read(contents.Credential);
            items.Add(new WalletItem(entry.Id, entry.Type, CredentialTypes.All.FirstOrDefault(t => t.Id == entry.Type), entry.IssuedAt, entry.ExpiresAt,
                await StatusOfAsync(claims, entry.ExpiresAt, cancellationToken)));
        }

        return items;
    }

    public async Task<WalletDetail?> FindAsync(long residentId, Guid id, CancellationToken cancellationToken)
    {
        var entry = await db.Wallet.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.ResidentId == residentId, cancellationToken);
        using var contents = entry is null ? null : vault.Open(residentId, entry.Sealed);
        if (entry is null || contents is null || WalletClaims.Read(contents.Credential) is not { } claims)
        {
            return null;
        }

        var item = new WalletItem(entry.Id, entry.Type, CredentialTypes.ByVct(claims.Vct) ?? CredentialTypes.All.FirstOrDefault(t => t.Id == entry.Type),
            entry.IssuedAt, entry.ExpiresAt, await StatusOfAsync(claims, entry.ExpiresAt, cancellationToken));
        return new WalletDetail(item, claims.Issuer, claims);
    }

    private async Task<string> StatusOfAsync(WalletClaims? claims, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (claims is null)
        {
            return "unknown";
        }

        if (clock.GetUtcNow() >= expiresAt)
        {
            return "expired";
        }

        if (claims.Status is not { } reference)
        {
            return "valid";
        }

        return await statusLists.ResolveAsync(reference, cancellationToken) switch
        {
            StatusList.Valid => "valid",
            StatusList.Invalid => "revoked",
            StatusList.Suspended => "suspended",
            _ => "unknown",
        };
    }
}
