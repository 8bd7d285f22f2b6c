using Nara.Notifications.Contracts;

namespace Nara.Notifications.Features;

/// <summary>Why a send was refused: the field at fault and a plain explanation; nothing was queued.</summary>
internal sealed record SendRefusal(string Field, string Message);

/// <summary>The result of a single send through any door (module, agency API, GovStack).</summary>
internal sealed record SendOutcome(Acceptance? Acceptance, SendRefusal? Refusal);

/// <summary>
/// Sends one notification: the template, then composition, then storage, where a repeated idempotency key
/// returns the earlier messages (looked up there for a whole group commit at once, not per request).
/// Used by the modules' contract and the agency API alike.
/// </summary>
internal sealed class SendNotification(TemplateStore templates, ComposeMessages compose, AcceptSend accept) : INotificationSender
{
    public async Task<SendOutcome> SendAsync(SendCaller caller, string templateId, string idempotencyKey, SendInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            return Refuse("idempotencyKey", "An idempotency key of 1 to 200 characters is required.");
        }

        var template = string.IsNullOrWhiteSpace(templateId) ? null : await templates.FindAsync(templateId, null, ct);
        if (template is null)
        {
            return Refuse("templateId", $"There is no template '{templateId}'.");
        }

        if (caller.Agency is { } agency && template.AgencyCode != agency && template.AgencyCode != Templates.BuiltInTemplates.Agency)
        {
            return Refuse("templateId", $"The template '{templateId}' belongs to another agency.");
        }

        var composition = await compose.ComposeAsync(template, input, ct);
        if (composition.Error is not null)
        {
            return Refuse(composition.Field!, composition.Error);
        }

        return new SendOutcome(await accept.AcceptAsync(caller, idempotencyKey, template, composition.Messages, ct), null);
    }

    public async Task<NotificationSendResult> SendAsync(NotificationRequested request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new SendInput(request.Recipient, request.Personalisation, request.Kind, request.Channel, request.Language, Severity: request.Severity);
        var outcome = await SendAsync(SendCaller.Module, request.TemplateId, request.IdempotencyKey, input, cancellationToken);
        return outcome.Refusal is { } refusal
            ? new NotificationSendResult([], false, refusal.Message)
            : new NotificationSendResult(outcome.Acceptance!.MessageIds, outcome.Acceptance.Duplicate, null);
    }

    private static SendOutcome Refuse(string field, string message) => new(null, new SendRefusal(field, message));
}
