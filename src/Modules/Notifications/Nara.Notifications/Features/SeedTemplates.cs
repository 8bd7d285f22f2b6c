using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Features;

/// <summary>Stores the built-in templates as version 1 where the database has no version yet.</summary>
internal sealed class SeedTemplates(NotificationsDbContext db, TimeProvider clock)
{
    public async Task ExecuteAsync(CancellationToken ct)
    {
        var ids = BuiltInTemplates.All.Select(t => t.Id).ToList();
        var present = await db.Templates.Where(t => ids.Contains(t.Id)).Select(t => t.Id).Distinct().ToListAsync(ct);
        foreach (var template in BuiltInTemplates.All.Where(t => !present.Contains(t.Id)))
        {
            db.Templates.Add(new Domain.NotificationTemplate
            {
                Id = template.Id, Version = template.Version, AgencyCode = template.AgencyCode, Name = template.Name, Kind = template.Kind,
                SubjectKo = template.SubjectKo, BodyKo = template.BodyKo, SmsBodyKo = template.SmsBodyKo,
                SubjectEn = template.SubjectEn, BodyEn = template.BodyEn, SmsBodyEn = template.SmsBodyEn,
                CreatedAt = clock.GetUtcNow(), CreatedBy = template.CreatedBy,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
