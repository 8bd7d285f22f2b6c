using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Notifications.Data;
using Nara.Notifications.Features;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Api;

/// <summary>Template administration for agency systems (scope notifications:templates:write) and officials.</summary>
internal static class TemplateEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/notifications/templates").WithTags("Notifications").RequireAuthorization(NotificationPolicies.Templates);
        api.MapGet("/", ListAsync).WithName("ListNotificationTemplates");
        api.MapGet("/{id}", GetAsync).WithName("GetNotificationTemplate");
        api.MapPut("/{id}", SaveAsync).WithName("SaveNotificationTemplate");
        api.MapPost("/{id}/preview", PreviewAsync).WithName("PreviewNotificationTemplate");
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct)
    {
        var agency = user.FindFirstValue(NaraClaims.Agency) ?? "";
        var rows = await db.Templates.AsNoTracking()
            .Where(t => t.AgencyCode == agency || t.AgencyCode == BuiltInTemplates.Agency)
            .GroupBy(t => t.Id)
            .Select(g => new { Id = g.Key, Version = g.Max(t => t.Version) })
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
        return Results.Ok(rows.Select(r => new TemplateSummary(r.Id, r.Version)));
    }

    private static async Task<IResult> GetAsync(string id, int? version, ClaimsPrincipal user, TemplateStore store, NotificationsDbContext db, CancellationToken ct)
    {
        var template = await store.FindAsync(id, version, ct);
        if (template is null || !Visible(user, template.AgencyCode))
        {
            return Problems.NotFound($"There is no template '{id}'.");
        }

        var versions = await db.Templates.AsNoTracking().Where(t => t.Id == id).OrderBy(t => t.Version).Select(t => t.Version).ToListAsync(ct);
        return Results.Ok(new { template, versions });
    }

    private static async Task<IResult> SaveAsync(string id, TemplateInput body, ClaimsPrincipal user, SaveTemplate save, CancellationToken ct)
    {
        var agency = user.FindFirstValue(NaraClaims.Agency);
        if (agency is null)
        {
            return Problems.Forbidden("Only officials and agency systems of an agency may save templates.");
        }

        var official = user.HasClaim(NaraClaims.ActorKind, ActorKinds.Official);
        var editor = new TemplateEditor(
            agency,
            official ? ActorKinds.Official : ActorKinds.AgencyClient,
            (official ? user.FindFirstValue(ClaimTypes.NameIdentifier) : user.FindFirstValue(NaraClaims.ClientId)) ?? "unknown");
        var (saved, refusal) = await save.SaveAsync(id, body, editor, ct);
        return refusal is not null
            ? NotificationProblems.Refused(refusal)
            : Results.Ok(new TemplateSummary(saved!.Id, saved.Version));
    }

    private static async Task<IResult> PreviewAsync(string id, PreviewRequest body, ClaimsPrincipal user, TemplateStore store, CancellationToken ct)
    {
        var template = await store.FindAsync(id, body.Version, ct);
        if (template is null || !Visible(user, template.AgencyCode))
        {
            return Problems.NotFound($"There is no template '{id}'.");
        }

        return body.Language is not (null or "ko" or "en")
            ? Problems.Validation("language", "Language must be 'ko' or 'en'.")
            : Results.Ok(PreviewTemplate.Render(template, body.Language ?? "ko", body.Personalisation));
    }

    private static bool Visible(ClaimsPrincipal user, string agency) =>
        agency == BuiltInTemplates.Agency || user.HasClaim(NaraClaims.Agency, agency);
}

internal sealed record TemplateSummary(string Id, int Version);

internal sealed record PreviewRequest(string? Language, int? Version, Dictionary<string, string>? Personalisation);
