using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.Oid4vci;
using Microsoft.Extensions.Options;

namespace Nara.Credentials.Features;

/// <summary>
/// A signed-in citizen offers a credential to their own wallet (OpenID4VCI §4, pre-authorized code flow): a single-use
/// code, short-lived, optionally bound to a 6-digit transaction code the citizen types into the wallet. Audited.
/// </summary>
internal sealed class CreateCredentialOffer(CredentialsDbContext db, OfferableCredentials offerable, IOptions<CredentialsOptions> options, TimeProvider clock)
{
    public const int TxCodeLength = 6;

    /// <summary>The code and transaction code in clear: shown once to the citizen, stored only as hashes.</summary>
    internal sealed record Created(Guid Id, string ConfigurationId, string PreAuthorizedCode, string? TxCode, DateTimeOffset ExpiresAt);

    /// <returns>Null when <paramref name="configurationId"/> is not offerable.</returns>
    /// <param name="subject">Which credential of the type, where a citizen has several (a decision letter's case id); must be theirs.</param>
    public async Task<Created?> ExecuteAsync(
        long residentId, string? configurationId, bool txCode, CredentialActor actor, CancellationToken cancellationToken, string? subject = null)
    {
        if (offerable.Find(configurationId) is not { } credential || !await credential.CanOfferAsync(residentId, actor, subject, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var code = Secrets.New();
        var tx = txCode ? Secrets.Digits(TxCodeLength) : null;
        var offer = new CredentialOffer
        {
            Id = Guid.CreateVersion7(now),
            ResidentId = residentId,
            ActorId = actor.Id,
            ConfigurationId = credential.Type.Id,
            Subject = subject,
            CodeHash = Secrets.Hash(code),
            TxCodeHash = tx is null ? null : Secrets.Hash(tx),
            CreatedAt = now,
            ExpiresAt = now + options.Value.OfferLifetime,
        };
        db.Offers.Add(offer);
        db.Publish(new CredentialOfferCreated(offer.Id, residentId, offer.ConfigurationId, tx is not null, offer.ExpiresAt, actor, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(offer.Id, offer.ConfigurationId, code, tx, offer.ExpiresAt);
    }
}
