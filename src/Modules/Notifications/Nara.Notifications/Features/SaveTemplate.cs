using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Localization;
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
internal sealed partial class SaveTemplate(NotificationsDbContext db, TimeProvider clock, LatestTemplates latestTemplates)
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
            return (null, new SendRefusal("version", Bilingual.L("다른 사람이 같은 순간에 이 서식을 저장했습니다. 다시 불러와 주세요.", "Someone saved this template at the same moment; reload and try again.")));
        }

        latestTemplates.Forget(id);
        return (template, null);
    }

    private static SendRefusal? Validate(string id, TemplateInput input, TemplateEditor editor)
    {
        if (id.Length > 200 || !IdShape().IsMatch(id))
        {
            return new("id", Bilingual.L("서식 ID는 점으로 나눈 영문 소문자 단어입니다. 예: nhis.checkup-due", "A template id is lower-case words separated by dots, e.g. 'nhis.checkup-due'."));
        }

        if (!id.StartsWith(editor.Agency.ToLowerInvariant() + ".", StringComparison.Ordinal))
        {
            return new("id", Bilingual.L($"{editor.Agency} 기관의 서식 ID는 '{editor.Agency.ToLowerInvariant()}.'로 시작합니다.", $"Templates of agency {editor.Agency} have ids starting with '{editor.Agency.ToLowerInvariant()}.'."));
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            return new("name", Bilingual.L("이름을 1~200자로 적어 주세요.", "A name of 1 to 200 characters is required."));
        }

        if (input.Kind is null || !NotificationKinds.All.Contains(input.Kind))
        {
            return new("kind", Bilingual.L($"종류는 {string.Join(", ", NotificationKinds.All)} 중 하나입니다.", $"Kind must be one of {string.Join(", ", NotificationKinds.All)}."));
        }

        if (string.IsNullOrWhiteSpace(input.SubjectKo) || input.SubjectKo.Length > 500 || string.IsNullOrWhiteSpace(input.BodyKo) || input.BodyKo.Length > 10_000)
        {
            return new("bodyKo", Bilingual.L("한국어 제목(500자 이내)과 본문(10,000자 이내)을 적어 주세요.", "A Korean subject (≤ 500 characters) and body (≤ 10,000) are required."));
        }

        if ((input.BodyEn?.Length ?? 0) > 10_000 || (input.SubjectEn?.Length ?? 0) > 500)
        {
            return new("bodyEn", Bilingual.L("영어 제목이나 본문이 너무 깁니다.", "The English subject or body is too long."));
        }

        foreach (var sms in new[] { input.SmsBodyKo, input.SmsBodyEn })
        {
            if (sms is not null && SmsLength.Bytes(sms) > SmsLength.LmsBytes)
            {
                return new("smsBodyKo", Bilingual.L($"문자 메시지는 {SmsLength.LmsBytes}바이트까지입니다.", $"An SMS text may be at most {SmsLength.LmsBytes} bytes."));
            }
        }

        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
