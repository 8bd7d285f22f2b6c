using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Notifications.Contracts;
using Nara.Notifications.Features;

namespace Nara.Notifications.Api;

/// <summary>The agency systems' sending API: single, bulk (streamed), and status.</summary>
internal static class SendEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(NotificationPolicies.Send);
        api.MapPost("/messages", SendAsync).WithName("SendNotification");
        api.MapPost("/bulk", BulkAsync).WithName("SendBulkNotifications");
        api.MapGet("/messages/{id:guid}", MessageAsync).WithName("GetNotificationStatus");
        api.MapGet("/requests/{id:guid}", RequestAsync).WithName("GetNotificationRequest");
    }

    private static async Task<IResult> SendAsync(SendMessageRequest body, HttpContext context, ClientPolicies policies, SendNotification sender)
    {
        var (caller, refusal) = await SendCallers.ResolveAsync(context, policies);
        if (caller is null)
        {
            return refusal!;
        }

        var recipient = body.Recipient ?? new RecipientRequest(null, null, null, null);
        var input = new SendInput(recipient.ToContract(), body.Personalisation ?? [], body.Kind, body.Channel, body.Language, body.Reference, body.Severity);
        var outcome = await sender.SendAsync(caller, body.TemplateId ?? "", SendCallers.IdempotencyKey(context, body.IdempotencyKey) ?? "", input, context.RequestAborted);
        if (outcome.Refusal is { } refused)
        {
            return NotificationProblems.Refused(refused);
        }

        var a = outcome.Acceptance!;
        if (a.OverDailyCap)
        {
            return NotificationProblems.DailyCap();
        }

        var response = new SendResponse(a.RequestId, a.MessageIds, a.Duplicate);
        return a.Duplicate ? Results.Ok(response) : Results.Created($"/api/notifications/requests/{a.RequestId}", response);
    }

    private static async Task<IResult> BulkAsync(
        HttpContext context, ClientPolicies policies, SendBulk bulk,
        string? templateId, string? channel, string? language, string? kind, string? severity)
    {
        var (caller, refusal) = await SendCallers.ResolveAsync(context, policies);
        if (caller is null)
        {
            return refusal!;
        }

        if (severity is not null && !NotificationSeverities.All.Contains(severity))
        {
            return Problems.Validation("severity", $"Severity must be one of {string.Join(", ", NotificationSeverities.All)}.");
        }

        if (!(context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return Problems.BadRequest("Send the recipients as a JSON array (Content-Type: application/json).");
        }

        // Streamed: recipients are read, checked and stored a few thousand at a time, never all at once.
        var recipients = JsonSerializer.DeserializeAsyncEnumerable<BulkRecipient>(context.Request.Body, BulkJson.Options, context.RequestAborted);
        var parameters = new BulkParameters(templateId ?? "", channel, language, kind, severity);
        var outcome = await bulk.SendAsync(caller, parameters, SendCallers.IdempotencyKey(context, null) ?? "", recipients, context.RequestAborted);
        if (outcome.Refusal is { } refused)
        {
            return NotificationProblems.Refused(refused);
        }

        if (outcome.OverDailyCap)
        {
            return NotificationProblems.DailyCap();
        }

        var response = new BulkResponse(outcome.RequestId, outcome.Count, outcome.Duplicate);
        return outcome.Duplicate ? Results.Ok(response) : Results.Accepted($"/api/notifications/requests/{outcome.RequestId}", response);
    }

    private static async Task<IResult> MessageAsync(Guid id, ClaimsPrincipal user, QueryStatus query, CancellationToken ct) =>
        await query.MessageAsync(user.FindFirstValue(NaraClaims.ClientId)!, id, ct) is { } status
            ? Results.Ok(status)
            : Problems.NotFound("No message with this id was sent by this client.");

    private static async Task<IResult> RequestAsync(Guid id, ClaimsPrincipal user, QueryStatus query, CancellationToken ct) =>
        await query.RequestAsync(user.FindFirstValue(NaraClaims.ClientId)!, id, ct) is { } status
            ? Results.Ok(status)
            : Problems.NotFound("No request with this id was sent by this client.");
}

/// <param name="IdempotencyKey">Or the Idempotency-Key header; the same key twice sends one message.</param>
/// <param name="Severity">Disaster alerts only: "critical" ignores the recipient's opt-outs and quiet hours.</param>
internal sealed record SendMessageRequest(
    string? TemplateId,
    RecipientRequest? Recipient,
    Dictionary<string, string>? Personalisation,
    string? Kind,
    string? Channel,
    string? Language,
    string? Reference,
    string? IdempotencyKey,
    string? Severity = null);

internal sealed record RecipientRequest(string? Email, string? PhoneNumber, Guid? AccountId, string? ResidentId)
{
    public NotificationRecipient ToContract() => new(AccountId, ResidentId, Email, PhoneNumber);
}

internal sealed record SendResponse(Guid RequestId, IReadOnlyList<Guid> MessageIds, bool Duplicate);

internal sealed record BulkResponse(Guid RequestId, int Count, bool Duplicate);
