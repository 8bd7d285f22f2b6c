using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// Registers a webhook for the administrator's agency (with a fresh secret, returned once) or changes one of its
/// own; deletes one. Each change is published for the audit log, without the secret.
/// </summary>
internal sealed class SaveWebhook(ConsentDbContext db, WebhookInputRules rules, TimeProvider clock)
{
    public async Task<Outcome<Webhook>> CreateAsync(WebhookInput? input, ConsentActor actor, CancellationToken ct)
    {
        var errors = rules.Validate(input);
        if (string.IsNullOrEmpty(actor.Agency))
        {
            errors["organisation"] = ["Only an official of an agency can register a webhook."];
        }

        if (errors.Count > 0)
        {
            return Outcome<Webhook>.Invalid(errors);
        }

        var now = ConsentTime.Now(clock);
        var webhook = new Webhook
        {
            Id = Guid.NewGuid(), OrganisationId = actor.Agency!, PayloadUrl = "", ContentType = WebhookEvents.JsonContentType,
            SecretKey = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), CreatedAt = now,
        };
        Apply(webhook, input!, now);
        db.Webhooks.Add(webhook);
        db.Publish(Changed(webhook, "created", actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<Webhook>.Ok(webhook);
    }

    public async Task<Outcome<Webhook>> UpdateAsync(Guid id, WebhookInput? input, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        var errors = rules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<Webhook>.Invalid(errors);
        }

        if (await FindAsync(id, administeredAgency, ct) is not { } webhook)
        {
            return Outcome<Webhook>.NotFound($"No webhook {id}.");
        }

        var now = ConsentTime.Now(clock);
        Apply(webhook, input!, now);
        db.Publish(Changed(webhook, "updated", actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<Webhook>.Ok(webhook);
    }

    /// <summary>Pauses or resumes deliveries without touching anything else (the administration page's switch).</summary>
    public async Task<Outcome<Webhook>> SetDisabledAsync(Guid id, bool disabled, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        if (await FindAsync(id, administeredAgency, ct) is not { } webhook)
        {
            return Outcome<Webhook>.NotFound($"No webhook {id}.");
        }

        var now = ConsentTime.Now(clock);
        webhook.Disabled = disabled;
        webhook.UpdatedAt = now;
        db.Publish(Changed(webhook, disabled ? "disabled" : "enabled", actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<Webhook>.Ok(webhook);
    }

    public async Task<Outcome<Webhook>> DeleteAsync(Guid id, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        if (await FindAsync(id, administeredAgency, ct) is not { } webhook)
        {
            return Outcome<Webhook>.NotFound($"No webhook {id}.");
        }

        var now = ConsentTime.Now(clock);
        webhook.Deleted = true;
        webhook.UpdatedAt = now;
        db.Publish(Changed(webhook, "deleted", actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<Webhook>.Ok(webhook);
    }

    /// <summary>Another agency's webhook is answered as not found: its existence is not theirs to know.</summary>
    public Task<Webhook?> FindAsync(Guid id, string? administeredAgency, CancellationToken ct) =>
        db.Webhooks.FirstOrDefaultAsync(w => w.Id == id && !w.Deleted && (administeredAgency == null || w.OrganisationId == administeredAgency), ct);

    private static void Apply(Webhook webhook, WebhookInput input, DateTimeOffset now)
    {
        webhook.PayloadUrl = input.PayloadUrl!.Trim();
        webhook.SubscribedEvents = [.. input.SubscribedEvents!.Distinct()];
        webhook.Disabled = input.Disabled ?? false;
        webhook.UpdatedAt = now;
    }

    private static ConsentWebhookChanged Changed(Webhook w, string change, ConsentActor actor, DateTimeOffset now) =>
        new(w.Id, w.OrganisationId, change, w.PayloadUrl, [.. w.SubscribedEvents], w.Disabled, actor, now);
}
