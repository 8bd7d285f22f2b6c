using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Security;
using Nara.Notifications.Api;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Features;
using Nara.Notifications.Templates;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Notifications.Pages.Officials.Templates;

/// <summary>
/// One template: read any version, edit the latest (saving adds a version) and preview it with sample
/// values before saving — as GOV.UK Notify lets a team check a message before it goes out.
/// </summary>
[Authorize(Policy = NotificationPolicies.TemplateEditors)]
internal sealed class EditModel(TemplateStore store, SaveTemplate save, NotificationsDbContext db) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public TemplateForm Form { get; set; } = new();

    /// <summary>"name=value" lines used in the preview for placeholders.</summary>
    [BindProperty]
    public string? SampleValues { get; set; }

    [BindProperty]
    public string PreviewLanguage { get; set; } = "ko";

    public int? Version { get; private set; }

    public IReadOnlyList<int> Versions { get; private set; } = [];

    public bool Editable { get; private set; }

    public bool IsNew => Version is null;

    public TemplatePreview? Preview { get; private set; }

    public (string Field, string Message)? Error { get; private set; }

    public int? Saved { get; private set; }

    private string Agency => User.FindFirstValue(NaraClaims.Agency) ?? "";

    public async Task<IActionResult> OnGetAsync(int? version, int? saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(version, cancellationToken))
        {
            return NotFound();
        }

        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var form = Form;
        if (!await LoadAsync(null, cancellationToken))
        {
            return NotFound();
        }

        Form = form;
        var draft = form.ToTemplate(Id, Version ?? 0, Agency);
        Preview = PreviewTemplate.Render(draft, PreviewLanguage == "en" ? "en" : "ko", ParseSamples(SampleValues));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var form = Form;
        if (!await LoadAsync(null, cancellationToken))
        {
            return NotFound();
        }

        if (!Editable)
        {
            return Forbid();
        }

        var editor = new TemplateEditor(Agency, ActorKinds.Official, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown");
        var (result, refusal) = await save.SaveAsync(Id, form.ToInput(), editor, cancellationToken);
        if (refusal is not null)
        {
            Form = form;
            Error = (refusal.Field, refusal.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/officials/notifications/templates/{Uri.EscapeDataString(Id)}?saved={result!.Version}");
    }

    /// <summary>Loads the template; false when this agency may not see it (another agency's, or a new id outside its prefix).</summary>
    private async Task<bool> LoadAsync(int? version, CancellationToken ct)
    {
        var template = await store.FindAsync(Id, version, ct);
        if (template is null)
        {
            if (version is not null || !Id.StartsWith(Agency.ToLowerInvariant() + ".", StringComparison.Ordinal))
            {
                return false;
            }

            Editable = true;
            Form = new TemplateForm { Kind = Contracts.NotificationKinds.General };
            return true;
        }

        if (template.AgencyCode != Agency && template.AgencyCode != BuiltInTemplates.Agency)
        {
            return false;
        }

        Version = template.Version;
        Editable = template.AgencyCode == Agency;
        Form = TemplateForm.From(template);
        Versions = await db.Templates.AsNoTracking().Where(t => t.Id == Id).OrderByDescending(t => t.Version).Select(t => t.Version).ToListAsync(ct);
        return true;
    }

    private static Dictionary<string, string> ParseSamples(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(100))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            }
        }

        return values;
    }

    public string? ErrorFor(string field) => Error is { } e && e.Field == field ? e.Message : null;

    public static string FieldLabel(string field) => field switch
    {
        "name" => L("서식 이름", "Template name"),
        "kind" => L("알림 종류", "Kind of message"),
        "bodyKo" => L("한국어 제목과 본문", "Korean subject and body"),
        "bodyEn" => L("영어 제목과 본문", "English subject and body"),
        "smsBodyKo" => L("문자 메시지 본문", "Text message body"),
        _ => L("서식", "Template"),
    };
}

/// <summary>The editable fields as posted by the form.</summary>
internal sealed class TemplateForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? SubjectKo { get; set; }

    public string? BodyKo { get; set; }

    public string? SmsBodyKo { get; set; }

    public string? SubjectEn { get; set; }

    public string? BodyEn { get; set; }

    public string? SmsBodyEn { get; set; }

    public static TemplateForm From(NotificationTemplate t) => new()
    {
        Name = t.Name, Kind = t.Kind, SubjectKo = t.SubjectKo, BodyKo = t.BodyKo, SmsBodyKo = t.SmsBodyKo,
        SubjectEn = t.SubjectEn, BodyEn = t.BodyEn, SmsBodyEn = t.SmsBodyEn,
    };

    public TemplateInput ToInput() => new(Name, Kind, SubjectKo, BodyKo, SmsBodyKo, SubjectEn, BodyEn, SmsBodyEn);

    public NotificationTemplate ToTemplate(string id, int version, string agency) => new()
    {
        Id = id, Version = version, AgencyCode = agency, Name = Name ?? "", Kind = Kind ?? Contracts.NotificationKinds.General,
        SubjectKo = SubjectKo ?? "", BodyKo = BodyKo ?? "", SmsBodyKo = SmsBodyKo, SubjectEn = SubjectEn, BodyEn = BodyEn, SmsBodyEn = SmsBodyEn,
        CreatedBy = "preview",
    };
}
