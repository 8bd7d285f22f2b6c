using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Features;

/// <summary>The editable parts of a template; saving adds a version.</summary>
internal sealed record TemplateInput(
    string? Name, string? Kind, string? SubjectKo, string? BodyKo, string? SmsBodyKo, string? SubjectEn, string? BodyEn, string? SmsBodyEn);

/// <summary>Who edits: an official or an agency system, always on behalf of one agency.</summary>
internal sealed record TemplateEditor(string Agency, string ActorKind, string ActorId);

/// <summary>
/// Saves a new version of a template owned by the editor's agency. Template ids start with the agency
/// code in lower case ("nhis.checkup-due"), so two agencies never collide; Nara's own are read-only here.
/// </summary>
internal sealed partial class SaveTemplate(NotificationsDbContext db, TimeProvider clock)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    public async Task<(NotificationTemplate? Saved, SendRefusal? Refusal)> SaveAsync(string id, TemplateInput input, TemplateEditor editor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(editor);
        if (Validate(id, input, editor) is { } refusal)
        {
            return (null, refusal);
        }

        var now = clock.GetUtcNow();
        var latest = await db.Templates.Where(t => t.Id == id).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        var template = new NotificationTemplate
        {
            Id = id, Version = latest + 1, AgencyCode = editor.Agency, Name = input.Name!.Trim(), Kind = input.Kind!,
            SubjectKo = input.SubjectKo!, BodyKo = input.BodyKo!, SmsBodyKo = Blank(input.SmsBodyKo),
            SubjectEn = Blank(input.SubjectEn), BodyEn = Blank(input.BodyEn), SmsBodyEn = Blank(input.SmsBodyEn),
            CreatedAt = now, CreatedBy = $"{editor.ActorKind}:{editor.ActorId}",
        };
        db.Templates.Add(template);
        db.Publish(new NotificationTemplateSaved(id, template.Version, editor.Agency, editor.ActorKind, editor.ActorId), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, new SendRefusal("version", "Someone saved this template at the same moment; reload and try again."));
        }

        return (template, null);
    }

    private static SendRefusal? Validate(string id, TemplateInput input, TemplateEditor editor)
    {
        if (id.Length > 200 || !IdShape().IsMatch(id))
        {
            return new("id", "A template id is lower-case words separated by dots, e.g. 'nhis.checkup-due'.");
        }

        if (!id.StartsWith(editor.Agency.ToLowerInvariant() + ".", StringComparison.Ordinal))
        {
            return new("id", $"Templates of agency {editor.Agency} have ids starting with '{editor.Agency.ToLowerInvariant()}.'.");
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            return new("name", "A name of 1 to 200 characters is required.");
        }

        if (input.Kind is null || !NotificationKinds.All.Contains(input.Kind))
        {
            return new("kind", $"Kind must be one of {string.Join(", ", NotificationKinds.All)}.");
        }

        if (string.IsNullOrWhiteSpace(input.SubjectKo) || input.SubjectKo.Length > 500 || string.IsNullOrWhiteSpace(input.BodyKo) || input.BodyKo.Length > 10_000)
        {
            return new("bodyKo", "A Korean subject (≤ 500 characters) and body (≤ 10,000) are required.");
        }

        if ((input.BodyEn?.Length ?? 0) > 10_000 || (input.SubjectEn?.Length ?? 0) > 500)
        {
            return new("bodyEn", "The English subject or body is too long.");
        }

        foreach (var sms in new[] { input.SmsBodyKo, input.SmsBodyEn })
        {
            if (sms is not null && SmsLength.Bytes(sms) > SmsLength.LmsBytes)
            {
                return new("smsBodyKo", $"An SMS text may be at most {SmsLength.LmsBytes} bytes.");
            }
        }

        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
