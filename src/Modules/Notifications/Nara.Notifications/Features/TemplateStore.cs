using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Features;

/// <summary>Finds the version of a template to send with: the latest saved, else the built-in one.</summary>
internal sealed class TemplateStore(NotificationsDbContext db, LatestTemplates latest)
{
    public async Task<NotificationTemplate?> FindAsync(string templateId, int? version, CancellationToken ct)
    {
        if (version is null && latest.Find(templateId) is { } cached)
        {
            return cached;
        }

        var query = db.Templates.AsNoTracking().Where(t => t.Id == templateId);
        var found = version is { } v
            ? await query.FirstOrDefaultAsync(t => t.Version == v, ct)
            : await query.OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        found ??= BuiltInTemplates.All.FirstOrDefault(t => t.Id == templateId && (version is null || t.Version == version));
        if (version is null && found is not null)
        {
            latest.Keep(found);
        }

        return found;
    }
}

/// <summary>
/// The latest version of each template sent with in the last few seconds, so a busy sender does not read the
/// templates table per message. Saving a template on this host forgets it at once; other hosts pick up the new
/// version within <see cref="KeepFor"/>. Only templates that exist are kept. Treat the instances as read-only.
/// </summary>
internal sealed class LatestTemplates(TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (NotificationTemplate Template, DateTimeOffset Until)> _byId = new(StringComparer.Ordinal);

    public NotificationTemplate? Find(string id) =>
        _byId.TryGetValue(id, out var entry) && entry.Until > clock.GetUtcNow() ? entry.Template : null;

    public void Keep(NotificationTemplate template)
    {
        if (_byId.Count >= MaxEntries)
        {
            _byId.Clear();
        }

        _byId[template.Id] = (template, clock.GetUtcNow() + KeepFor);
    }

    public void Forget(string id) => _byId.TryRemove(id, out _);
}
