using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Features;

/// <summary>A template as listed: its latest version, and whether this agency may edit it.</summary>
internal sealed record TemplateListItem(string Id, int Version, string Name, string Kind, bool Editable, DateTimeOffset? SavedAt);

/// <summary>The templates an agency can use: its own (latest version of each) and Nara's built-in ones, read-only.</summary>
internal sealed class ListTemplates(NotificationsDbContext db)
{
    public async Task<IReadOnlyList<TemplateListItem>> ExecuteAsync(string agency, CancellationToken ct)
    {
        var saved = await db.Templates.AsNoTracking()
            .Where(t => t.AgencyCode == agency || t.AgencyCode == BuiltInTemplates.Agency)
            .Select(t => new { t.Id, t.Version, t.Name, t.Kind, t.AgencyCode, t.CreatedAt })
            .ToListAsync(ct);
        var latest = saved.GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!)
            .Select(t => new TemplateListItem(t.Id, t.Version, t.Name, t.Kind, t.AgencyCode == agency, t.CreatedAt));
        var builtIn = BuiltInTemplates.All.Where(b => saved.All(s => s.Id != b.Id))
            .Select(b => new TemplateListItem(b.Id, b.Version, b.Name, b.Kind, false, null));
        return [.. latest.Concat(builtIn).OrderBy(t => t.Editable ? 0 : 1).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }
}
