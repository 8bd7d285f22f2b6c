using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Domain.Forms;
using Nara.Services.Features;
using Nara.Services.Features.Applications;

namespace Nara.Services.Pages.Apply;

/// <summary>One step of the form: its fields, checked field by field; what was typed stays on error.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadRules.MaxBytes * 4)]
[RequestSizeLimit(UploadRules.MaxBytes * 4)]
internal sealed class StepModel(ServiceCatalogue catalogue, ApplicationQueries queries, SaveStep save) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute(Name = "step")]
    public int StepIndex { get; set; }

    public ServiceDefinition Service { get; private set; } = null!;

    public FormStep Step => Service.Form!.Steps[StepIndex];

    public IReadOnlyList<FieldView> Fields { get; private set; } = [];

    public string? FormError { get; private set; }

    public bool HasFile => Step.Fields.Any(f => f.Type == FieldTypes.File);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        var posted = Step.Fields.Where(f => f.Type != FieldTypes.File).ToDictionary(f => f.Id, f => (string?)Request.Form[f.Id].ToString());
        var uploads = new List<Upload>();
        foreach (var field in Step.Fields.Where(f => f.Type == FieldTypes.File))
        {
            if (Request.Form.Files.GetFile(field.Id) is { Length: > 0 } file)
            {
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                uploads.Add(new Upload(field.Id, file.FileName, buffer.ToArray()));
            }
        }

        var outcome = await save.ExecuteAsync(applicant, Id, StepIndex, posted, uploads, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Saved)
        {
            var last = StepIndex == Service.Form!.Steps.Count - 1;
            return LocalRedirect(action == "save" ? "/my/applications?saved=1"
                : last ? $"/services/{Slug}/apply/{Id}/review"
                : $"/services/{Slug}/apply/{Id}/steps/{StepIndex + 1}");
        }

        FormError = outcome.Errors.GetValueOrDefault("");
        var detail = await queries.FindAsync(applicant.AccountId, Id, ct);
        Fields = Views(detail!, outcome.Values, outcome.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        if (catalogue.Get(Slug) is not { Form: { } form } service || StepIndex < 0 || StepIndex >= form.Steps.Count
            || await queries.FindAsync(applicant.AccountId, Id, ct) is not { } detail || detail.Application.ServiceSlug != Slug)
        {
            return NotFound();
        }

        Service = service;
        if (detail.Application.Status != ApplicationStatuses.Draft)
        {
            return LocalRedirect($"/my/applications/{Id}");
        }

        Fields = Views(detail, null, null);
        return null;
    }

    private List<FieldView> Views(ApplicationDetail detail, IReadOnlyDictionary<string, string>? typed, IReadOnlyDictionary<string, string>? errors)
    {
        var answers = Answers.Read(detail.Application.AnswersJson);
        var prefilled = Answers.Read(detail.Application.PrefilledJson);
        var exchanges = Answers.Read(detail.Application.PrefillExchangesJson);
        return [.. Step.Fields.Select(f =>
        {
            var isPrefilled = prefilled.TryGetValue(f.Id, out var pre);
            var value = isPrefilled ? pre! : typed?.GetValueOrDefault(f.Id) ?? answers.GetValueOrDefault(f.Id) ?? "";
            var fileName = f.Type == FieldTypes.File && Guid.TryParse(answers.GetValueOrDefault(f.Id), out var doc)
                ? detail.Documents.FirstOrDefault(d => d.Id == doc)?.FileName : null;
            return new FieldView(f, value, errors?.GetValueOrDefault(f.Id), isPrefilled ? ServicesTexts.Source(f.Prefill!, exchanges.GetValueOrDefault(f.Id)) : null, fileName);
        })];
    }

    public static string ErrorLink(FieldView f) =>
        f.Field.Type is FieldTypes.Choice or FieldTypes.YesNo ? $"#{f.InputId}-first" : $"#{f.InputId}";
}
