using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;

namespace Nara.Identity.Features.Passkeys;

/// <summary>Gives one of the person's own passkeys a new name. False when the name is empty or the passkey is not theirs.</summary>
internal sealed class RenamePasskey(IdentityDbContext db, TimeProvider clock)
{
    public async Task<bool> ExecuteAsync(Guid accountId, Guid passkeyId, string? nickname, CancellationToken cancellationToken)
    {
        var name = PasskeyNames.Clean(nickname);
        var passkey = await db.Passkeys.FirstOrDefaultAsync(p => p.Id == passkeyId && p.AccountId == accountId, cancellationToken);
        if (name is null || passkey is null)
        {
            return false;
        }

        passkey.Nickname = name;
        db.Publish(new PasskeyRenamed(accountId, passkeyId), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
