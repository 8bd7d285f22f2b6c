using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Security;
using Nara.Notifications.Features;

namespace Nara.Notifications.Api;

/// <summary>Turns the signed-in agency client into a <see cref="SendCaller"/> and applies its token bucket.</summary>
internal static class SendCallers
{
    /// <summary>The caller, or a 429 result when its bucket is empty.</summary>
    public static async Task<(SendCaller? Caller, IResult? Refusal)> ResolveAsync(HttpContext context, ClientPolicies policies)
    {
        var user = context.User;
        var clientId = user.FindFirstValue(NaraClaims.ClientId)!;
        var caller = await policies.CallerAsync(clientId, user.FindFirstValue(NaraClaims.Agency), context.RequestAborted);
        return policies.TryAcquire(clientId, out var retryAfter)
            ? (caller, null)
            : (null, NotificationProblems.TooManyRequests(context, retryAfter));
    }

    /// <summary>The Idempotency-Key header (IETF draft) or the body's idempotencyKey.</summary>
    public static string? IdempotencyKey(HttpContext context, string? fromBody) =>
        context.Request.Headers["Idempotency-Key"] is [{ Length: > 0 } header] ? header.Trim() : fromBody?.Trim();
}
