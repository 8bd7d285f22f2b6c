using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Features;

/// <summary>Finds the version of a template to send with: the latest saved, else the built-in one.</summary>
internal sealed class TemplateStore(NotificationsDbContext db)
{
    public async Task<NotificationTemplate?> FindAsync(string templateId, int? version, CancellationToken ct)
    {
        var query = db.Templates.AsNoTracking().Where(t => t.Id == templateId);
        var found = version is { } v
            ? await query.FirstOrDefaultAsync(t => t.Version == v, ct)
            : await query.OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        return found ?? BuiltInTemplates.All.FirstOrDefault(t => t.Id == templateId && (version is null || t.Version == version));
    }
}
