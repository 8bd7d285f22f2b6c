using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Credentials.Data;
using Nara.Credentials.Oid4vci;

namespace Nara.Credentials.Features;

/// <summary>
/// The token endpoint's pre-authorized code grant (OpenID4VCI §6): the code, with the transaction code when the offer
/// asked for one, buys one access token bound to that offer. The code is spent in one conditional UPDATE, so two
/// concurrent redemptions cannot both succeed; five wrong transaction codes kill it.
/// </summary>
internal sealed class RedeemPreAuthorizedCode(CredentialsDbContext db, IOptions<CredentialsOptions> options, TimeProvider clock)
{
    public const int MaxTxCodeAttempts = 5;

    internal sealed record Outcome(string? AccessToken, int ExpiresIn, string? Error, string? Description);

    public async Task<Outcome> ExecuteAsync(string? code, string? txCode, CancellationToken cancellationToken)
    {
        if (code is not { Length: > 0 and <= 200 })
        {
            return Fail("invalid_request", "pre-authorized_code is missing");
        }

        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(code);
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.CodeHash == hash, cancellationToken);
        if (offer is null || offer.RedeemedAt is not null || offer.ExpiresAt <= now || offer.TxCodeFailures >= MaxTxCodeAttempts)
        {
            return Fail("invalid_grant", "the pre-authorized code is unknown, expired or already used");
        }

        if (offer.TxCodeHash is null && txCode is not null)
        {
            return Fail("invalid_request", "this offer has no transaction code; tx_code must not be sent");
        }

        if (offer.TxCodeHash is not null && txCode is not { Length: > 0 })
        {
            return Fail("invalid_request", "this offer requires tx_code");
        }

        if (offer.TxCodeHash is not null && Secrets.Hash(txCode!) != offer.TxCodeHash)
        {
            await db.Offers.Where(o => o.Id == offer.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.TxCodeFailures, o => o.TxCodeFailures + 1), cancellationToken);
            return Fail("invalid_grant", "the transaction code is wrong");
        }

        var token = Secrets.New();
        var tokenHash = Secrets.Hash(token);
        var lifetime = options.Value.AccessTokenLifetime;
        var spent = await db.Offers
            .Where(o => o.Id == offer.Id && o.RedeemedAt == null && o.ExpiresAt > now && o.TxCodeFailures < MaxTxCodeAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.RedeemedAt, now)
                .SetProperty(o => o.AccessTokenHash, tokenHash)
                .SetProperty(o => o.AccessTokenExpiresAt, now + lifetime), cancellationToken);
        return spent == 1
            ? new Outcome(token, (int)lifetime.TotalSeconds, null, null)
            : Fail("invalid_grant", "the pre-authorized code is unknown, expired or already used");
    }

    private static Outcome Fail(string error, string description) => new(null, 0, error, description);
}
