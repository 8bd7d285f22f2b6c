using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Features;

namespace Nara.Notifications.Api;

/// <summary>
/// An agency system reads its settings and sets its callback URL; administrators set test mode and
/// limits for any client (the client id goes in the query, as it contains slashes).
/// </summary>
internal static class ClientSettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var own = endpoints.MapGroup("/api/notifications/settings").WithTags("Notifications").RequireAuthorization(NotificationPolicies.Send);
        own.MapGet("/", (ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct) => GetAsync(user.FindFirstValue(NaraClaims.ClientId)!, db, ct));
        own.MapPut("/callback", SetCallbackAsync);
        var admin = endpoints.MapGroup("/api/notifications/clients").WithTags("Notifications").RequireAuthorization(NotificationPolicies.Administer);
        admin.MapGet("/", (string id, NotificationsDbContext db, CancellationToken ct) => GetAsync(id, db, ct));
        admin.MapPut("/", UpdateAsync);
    }

    private static async Task<IResult> GetAsync(string clientId, NotificationsDbContext db, CancellationToken ct) =>
        Results.Ok(await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct) ?? new ClientSettings { ClientId = clientId });

    private static async Task<IResult> SetCallbackAsync(CallbackRequest body, ClaimsPrincipal user, NotificationsDbContext db, ClientPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        if (body.Url is not null && !IsCallbackUrl(body.Url))
        {
            return Problems.Validation("url", "The callback URL must be an absolute https URL (http only for localhost).");
        }

        var clientId = user.FindFirstValue(NaraClaims.ClientId)!;
        var row = await Row(db, clientId, ct);
        row.CallbackUrl = body.Url;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        policies.Forget(clientId);
        return Results.Ok(row);
    }

    private static async Task<IResult> UpdateAsync(string id, ClientSettingsRequest body, NotificationsDbContext db, ClientPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        if (body.CallbackUrl is not null && !IsCallbackUrl(body.CallbackUrl))
        {
            return Problems.Validation("callbackUrl", "The callback URL must be an absolute https URL (http only for localhost).");
        }

        if (body.RequestsPerSecond is < 1 || body.Burst is < 1 || body.DailyCap is < 0)
        {
            return Problems.Validation("limits", "Limits must be positive.");
        }

        var row = await Row(db, id, ct);
        row.CallbackUrl = body.CallbackUrl;
        row.TestMode = body.TestMode;
        row.RequestsPerSecond = body.RequestsPerSecond;
        row.Burst = body.Burst;
        row.DailyCap = body.DailyCap;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        policies.Forget(id);
        return Results.Ok(row);
    }

    private static async Task<ClientSettings> Row(NotificationsDbContext db, string clientId, CancellationToken ct)
    {
        var row = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (row is null)
        {
            row = new ClientSettings { ClientId = clientId };
            db.Clients.Add(row);
        }

        return row;
    }

    public static bool IsCallbackUrl(string url) =>
        url.Length <= 2000
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}

internal sealed record CallbackRequest(string? Url);

internal sealed record ClientSettingsRequest(string? CallbackUrl, bool TestMode, int? RequestsPerSecond, int? Burst, int? DailyCap);
