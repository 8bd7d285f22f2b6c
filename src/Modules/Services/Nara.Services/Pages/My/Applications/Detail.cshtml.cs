using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Features;
using Nara.Services.Features.Applications;
using Nara.Services.Features.Documents;
using Nara.Services.Features.Letters;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Services.Pages.My.Applications;

/// <summary>
/// One application with each of its cases (one per agency for a bundle): status, deadline, history,
/// information requests to answer, decision letters, and withdrawal before a decision.
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class DetailModel(ApplicationQueries queries, ServiceCatalogue catalogue, WithdrawCase withdraw, AnswerInformationRequest answer, OpenDocument documents, IssueLetterPdf letters) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Submitted { get; set; }

    public ApplicationDetail Detail { get; private set; } = null!;

    public ServiceDefinition? Service => catalogue.Get(Detail.Application.ServiceSlug);

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        var doc = await documents.ForApplicantAsync(applicant.AccountId, documentId, ct);
        return doc is null ? NotFound() : File(doc.Content, doc.ContentType, doc.FileName);
    }

    /// <summary>The decision letter of one of the applicant's own cases as a PDF; anyone else's case is a 404.</summary>
    public async Task<IActionResult> OnGetLetterPdfAsync(Guid caseId, CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        return LetterResult.Of(this, await letters.ForApplicantAsync(applicant.AccountId, caseId, ct));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid caseId, CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        var done = await withdraw.ExecuteAsync(applicant, caseId, ct);
        return await ShowAsync(done ? L("신청을 취하했습니다.", "You withdrew the application.") : null,
            done ? null : L("취하할 수 없습니다. 이미 결정되었거나 취하된 신청입니다.", "It cannot be withdrawn: it is already decided or withdrawn."), ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid caseId, Guid requestId, string? answerText, CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        var done = await answer.ExecuteAsync(applicant, caseId, requestId, answerText ?? "", ct);
        return await ShowAsync(done ? L("답변을 보냈습니다. 담당자가 다시 검토합니다.", "Your answer was sent. The official will review your case again.") : null,
            done ? null : L($"답변을 1~{AnswerInformationRequest.MaxAnswerLength}자로 입력하세요. 이미 답했거나 요청이 끝났을 수 있습니다.", $"Write an answer of 1 to {AnswerInformationRequest.MaxAnswerLength} characters. The request may already be answered or closed."), ct);
    }

    private async Task<IActionResult> ShowAsync(string? message, string? error, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        (Message, Error) = (message, error);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Applicant.Of(User) is not { } applicant)
        {
            return Forbid();
        }

        if (await queries.FindAsync(applicant.AccountId, Id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return null;
    }

    public string Name(string slug) => catalogue.Get(slug)?.Name.Current ?? slug;
}
