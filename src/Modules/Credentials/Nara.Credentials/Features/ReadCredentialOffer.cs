using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.Oid4vci;

namespace Nara.Credentials.Features;

/// <summary>The offer a <c>credential_offer_uri</c> points at, while its code is unspent and unexpired.</summary>
internal sealed class ReadCredentialOffer(CredentialsDbContext db, TimeProvider clock)
{
    public async Task<JsonObject?> ExecuteAsync(string code, string issuer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(code);
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.CodeHash == hash, cancellationToken);
        return offer is null || offer.RedeemedAt is not null || offer.ExpiresAt <= now
            ? null
            : IssuerMetadata.Offer(issuer, offer.ConfigurationId, code, offer.TxCodeHash is not null);
    }
}
