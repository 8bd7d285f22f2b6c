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

/// <summary>Every answer on one page, each step changeable, then submit. Submitting twice creates one application.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class ReviewModel(ServiceCatalogue catalogue, ApplicationQueries queries, SubmitApplication submit) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    public ServiceDefinition Service { get; private set; } = null!;

    public IReadOnlyList<ServiceDefinition> Bundled { get; private set; } = [];

    public Dictionary<string, string> Answers { get; private set; } = [];

    public Dictionary<string, string> Prefilled { get; private set; } = [];

    /// <summary>Field id → the exchange that prefilled it.</summary>
    public Dictionary<string, string> Exchanges { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public int FirstInvalidStep { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        var applicant = Applicant.Of(User)!;
        var outcome = await submit.ExecuteAsync(applicant.AccountId, Id, applicant.Name, ct);
        switch (outcome.Status)
        {
            case SubmitStatus.Submitted:
            case SubmitStatus.AlreadySubmitted:
                return LocalRedirect($"/my/applications/{Id}?submitted=1");
            case SubmitStatus.NotFound:
                return NotFound();
            default:
                Errors = outcome.Errors;
                FirstInvalidStep = outcome.FirstInvalidStep;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        if (catalogue.Get(Slug) is not { Form: not null } service
            || await queries.FindAsync(applicant.AccountId, Id, ct) is not { } detail || detail.Application.ServiceSlug != Slug)
        {
            return NotFound();
        }

        if (detail.Application.Status != ApplicationStatuses.Draft)
        {
            return LocalRedirect($"/my/applications/{Id}");
        }

        Service = service;
        Bundled = [.. service.Bundle.Select(catalogue.Get).OfType<ServiceDefinition>()];
        Answers = Nara.Services.Domain.Forms.Answers.Read(detail.Application.AnswersJson);
        Prefilled = Nara.Services.Domain.Forms.Answers.Read(detail.Application.PrefilledJson);
        Exchanges = Nara.Services.Domain.Forms.Answers.Read(detail.Application.PrefillExchangesJson);
        return null;
    }

    public int StepOf(string fieldId) =>
        Service.Form!.Steps.Select((s, i) => (s, i)).First(x => x.s.Fields.Any(f => f.Id == fieldId)).i;

    public string LinkFor(string fieldId) => $"/services/{Slug}/apply/{Id}/steps/{StepOf(fieldId)}";

    public static string Show(FormField field, string? value) => AnswerText.Of(field, value);

    public static bool IsFile(FormField field) => field.Type == FieldTypes.File;
}
