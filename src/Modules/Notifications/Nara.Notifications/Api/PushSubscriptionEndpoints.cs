using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Notifications.Features;
using Nara.Notifications.Features.Push;
using Nara.Notifications.Push;

namespace Nara.Notifications.Api;

/// <summary>
/// The page script's two calls: the VAPID public key, and storing this browser's push subscription for
/// the signed-in citizen (cookie plus anti-forgery header, as the page's forms).
/// </summary>
internal static class PushSubscriptionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var push = endpoints.MapGroup("/api/notifications/push").WithTags("Notifications");
        push.MapGet("/public-key", (VapidKeys keys) => Results.Ok(new { publicKey = keys.PublicKey })).AllowAnonymous();
        push.MapPost("/subscriptions", SubscribeAsync).DisableAntiforgery().RequireAuthorization(NaraPolicies.Citizen);
    }

    private static async Task<IResult> SubscribeAsync(PushSubscriptionInput? body, HttpContext context, ClaimsPrincipal user, IAntiforgery antiforgery, SubscribePushDevice subscribe, CancellationToken ct)
    {
        if (CitizenAccount.Of(user) is not { } accountId)
        {
            return user.Identity?.IsAuthenticated == true
                ? Problems.Forbidden("Only a signed-in citizen can register a device for push messages.")
                : Results.Problem("Sign in first.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        // JSON bodies are not covered by automatic anti-forgery: the page sends the token in a header.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Problems.BadRequest("The anti-forgery token is missing or invalid; reload the page and try again.");
        }

        if (body is null)
        {
            return Problems.BadRequest("Send the browser's PushSubscription as JSON.");
        }

        var result = await subscribe.SubscribeAsync(accountId, body, context.Request.Headers.UserAgent.ToString(), ct);
        return result.Device is { } device
            ? Results.Created($"/settings/notifications#device-{device.Id:N}", new { id = device.Id, label = device.Label })
            : Problems.Validation(result.Field!, result.Error!);
    }
}
