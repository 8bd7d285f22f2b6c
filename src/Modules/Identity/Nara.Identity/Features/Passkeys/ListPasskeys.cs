using Microsoft.EntityFrameworkCore;
using Nara.Identity.Data;

namespace Nara.Identity.Features.Passkeys;

internal sealed record PasskeyItem(Guid Id, string Nickname, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool IsBackedUp);

internal sealed class ListPasskeys(IdentityDbContext db)
{
    public async Task<IReadOnlyList<PasskeyItem>> ExecuteAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await db.Passkeys.AsNoTracking()
            .Where(p => p.AccountId == accountId)
            .Select(p => new PasskeyItem(p.Id, p.Nickname, p.CreatedAt, p.LastUsedAt, p.IsBackedUp))
            .ToListAsync(cancellationToken))
        .OrderBy(p => p.CreatedAt).ToList();
}
