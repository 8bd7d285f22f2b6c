using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Features;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Api;

/// <summary>
/// The GovStack Messaging building block's email API under /govstack/messaging. The email's title and
/// content are carried by the built-in "govstack.email" template; an optional Idempotency-Key header
/// makes a repeated call one send.
/// </summary>
internal static class GovStackMessagingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/govstack/messaging").WithTags("GovStack Messaging").RequireAuthorization(NotificationPolicies.Send);
        api.MapPost("/send/email/single", SingleAsync);
        api.MapPost("/send/email/batch", BatchAsync);
        api.MapGet("/status/email", StatusAsync);
    }

    private static async Task<IResult> SingleAsync(GovStackEmailRequest body, HttpContext context, ClientPolicies policies, SendBulk bulk)
    {
        var r = body.RecipientInfo;
        var addresses = new[] { r?.Email, r?.EmailCC, r?.EmailBCC }.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (addresses.Count == 0)
        {
            return Problems.Validation("recipientInfo.email", "A recipient email address is required.");
        }

        return await SendAsync(body, context, policies, bulk, addresses.Select(a => new GovStackRecipient(a, r?.Name)).ToAsyncEnumerable());
    }

    private static async Task<IResult> BatchAsync(GovStackEmailRequest body, HttpContext context, ClientPolicies policies, SendBulk bulk)
    {
        List<GovStackBatchItem>? items;
        try
        {
            var json = Convert.FromBase64String(body.RecipientInfo?.BatchEmailAsBase64 ?? "");
            items = JsonSerializer.Deserialize<List<GovStackBatchItem>>(json, BulkJson.Options);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Problems.Validation("recipientInfo.batchEmailAsBase64", "Expected base64 of a JSON array of {recipientInfo: {email, name}}.");
        }

        var recipients = (items ?? []).Select(i => new GovStackRecipient(i?.RecipientInfo?.Email, i?.RecipientInfo?.Name));
        return await SendAsync(body, context, policies, bulk, recipients.ToAsyncEnumerable());
    }

    private static async Task<IResult> SendAsync(GovStackEmailRequest body, HttpContext context, ClientPolicies policies, SendBulk bulk, IAsyncEnumerable<GovStackRecipient> recipients)
    {
        var (caller, refusal) = await SendCallers.ResolveAsync(context, policies);
        if (caller is null)
        {
            return refusal!;
        }

        var content = body.EmailContent;
        if (string.IsNullOrWhiteSpace(content?.Title) || string.IsNullOrWhiteSpace(content.Content))
        {
            return Problems.Validation("emailContent", "An email title and content are required.");
        }

        var values = new Dictionary<string, string> { ["title"] = content.Title, ["content"] = content.Content };
        var bulkRecipients = recipients.Select(r => (BulkRecipient?)new BulkRecipient(r.Email ?? "", null, null, null, values, null));
        var key = SendCallers.IdempotencyKey(context, null) ?? $"govstack:{Guid.NewGuid():N}";
        var outcome = await bulk.SendAsync(caller, new BulkParameters(BuiltInTemplates.GovStackEmail, NotificationChannels.Email, null, null), key, bulkRecipients, context.RequestAborted);
        if (outcome.Refusal is { } refused)
        {
            return NotificationProblems.Refused(refused);
        }

        return outcome.OverDailyCap
            ? NotificationProblems.DailyCap()
            : Results.Ok(new GovStackSendResponse(outcome.Duplicate ? "duplicate" : "accepted", outcome.RequestId.ToString("D")));
    }

    private static async Task<IResult> StatusAsync(HttpContext context, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct)
    {
        var requestUid = context.Request.Headers["requestUID"].ToString();
        if (!Guid.TryParse(requestUid, out var requestId))
        {
            return Problems.Validation("requestUID", "The requestUID header returned by the send call is required.");
        }

        var wanted = context.Request.Query["status"].Concat(context.Request.Query["status[]"]).OfType<string>().Distinct().ToList();
        if (wanted.Count == 0 || wanted.Any(s => !GovStackStatus.All.Contains(s)))
        {
            return Problems.Validation("status", $"Ask for one or more of: {string.Join(", ", GovStackStatus.All)}.");
        }

        var clientId = user.FindFirstValue(NaraClaims.ClientId)!;
        var rows = await db.Messages.AsNoTracking().Where(m => m.RequestId == requestId && m.ClientId == clientId)
            .Select(m => new { m.Id, m.To, m.Status, m.Reason, m.CreatedAt, m.NextAttemptAt }).ToListAsync(ct);
        var result = wanted.ToDictionary(s => s, _ => new List<GovStackEmailStatus>());
        foreach (var m in rows)
        {
            var status = GovStackStatus.Of(m.Status, m.Reason, m.NextAttemptAt > m.CreatedAt);
            if (result.TryGetValue(status, out var list))
            {
                list.Add(new GovStackEmailStatus(m.Id.ToString("D"), m.To, m.Reason));
            }
        }

        return Results.Ok(result);
    }
}

/// <summary>Nara's statuses in the GovStack vocabulary.</summary>
internal static class GovStackStatus
{
    public static IReadOnlyList<string> All { get; } = ["scheduled", "processing", "deferred", "bounced", "not sent", "delivered"];

    public static string Of(string status, string? reason, bool postponed) => status switch
    {
        MessageStatus.Created => postponed ? "scheduled" : "processing",
        MessageStatus.Sending => reason is null ? "processing" : "deferred",
        MessageStatus.Delivered => "delivered",
        MessageStatus.PermanentFailure => "bounced",
        _ => "not sent",
    };
}

internal sealed record GovStackEmailRequest(GovStackCallback? Callback, JsonElement? SenderInfo, GovStackRecipientInfo? RecipientInfo, GovStackEmailContent? EmailContent);

internal sealed record GovStackCallback(string? URI);

internal sealed record GovStackRecipientInfo(string? Email, string? EmailCC, string? EmailBCC, string? Name, string? BatchEmailAsBase64);

internal sealed record GovStackEmailContent(string? Encoding, string? Title, string? Content);

internal sealed record GovStackBatchItem(GovStackRecipientInfo? RecipientInfo);

internal sealed record GovStackRecipient(string? Email, string? Name);

internal sealed record GovStackSendResponse(string Response, string RequestUID);

internal sealed record GovStackEmailStatus(string MessageId, string Email, string? Reason);
