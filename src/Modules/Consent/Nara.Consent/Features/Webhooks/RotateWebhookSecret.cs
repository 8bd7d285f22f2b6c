using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// Replaces a webhook's signing secret (it leaked, or it is simply time). The new secret is returned once; the old
/// one keeps signing a second header (<see cref="WebhookEvents.PreviousSignatureHeader"/>) for a grace period the
/// administrator chooses — 0 to cut it off at once, at most a week — so no delivery is refused while the receiver
/// is being reconfigured. Audited, without either secret.
/// </summary>
internal sealed class RotateWebhookSecret(ConsentDbContext db, SaveWebhook webhooks, TimeProvider clock)
{
    public const int DefaultGraceHours = 24;
    public const int MaxGraceHours = 168;

    public async Task<Outcome<Webhook>> ExecuteAsync(Guid webhookId, int? graceHours, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        var grace = graceHours ?? DefaultGraceHours;
        if (grace is < 0 or > MaxGraceHours)
        {
            return Outcome<Webhook>.Invalid("previousSecretValidForHours", $"Between 0 and {MaxGraceHours} hours.");
        }

        if (await webhooks.FindAsync(webhookId, administeredAgency, ct) is not { } hook)
        {
            return Outcome<Webhook>.NotFound($"No webhook {webhookId}.");
        }

        var now = ConsentTime.Now(clock);
        hook.PreviousSecretKey = grace == 0 ? null : hook.SecretKey;
        hook.PreviousSecretExpiresAt = grace == 0 ? null : now.AddHours(grace);
        hook.SecretKey = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        hook.UpdatedAt = now;
        db.Publish(new ConsentWebhookChanged(hook.Id, hook.OrganisationId, "secret-rotated", hook.PayloadUrl, [.. hook.SubscribedEvents], hook.Disabled, actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<Webhook>.Ok(hook);
    }
}
