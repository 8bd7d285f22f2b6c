using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Features;
using Nara.Services.Features.Cases;
using Nara.Services.Features.Documents;
using Nara.Services.Features.Letters;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Services.Pages.Officials.Cases;

/// <summary>
/// One case for the agency's officials: answers, documents, full history, and the actions of the
/// approval line. Every form carries the case version; acting on a stale page is refused with a
/// "reload" message and writes nothing.
/// </summary>
[Authorize(Policy = NaraPolicies.SameAgency)]
internal sealed class CaseModel(
    CaseQueue queue, ServiceCatalogue catalogue, OpenDocument documents,
    AssignCase assign, CommentOnCase comment, RequestInformation request, DraftDecision draft, ReviewDraft review, DecideCase decide) : PageModel
{
    [FromRoute]
    public string Agency { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    public Case Case { get; private set; } = null!;

    public ServiceDefinition? Service => catalogue.Get(Case.ServiceSlug);

    public IReadOnlyList<StoredDocument> Documents { get; private set; } = [];

    public Official Me { get; private set; } = null!;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool DueSoon => queue.IsDueSoon(Case);

    public bool Overdue => queue.IsOverdue(Case);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken ct)
    {
        var doc = Official.Of(User) is { } me ? await documents.ForAgencyAsync(me.Agency, documentId, ct) : null;
        return doc is null ? NotFound() : File(doc.Content, doc.ContentType, doc.FileName);
    }

    /// <summary>The case's decision letter as a PDF, for officials of the agency that owns the case.</summary>
    public async Task<IActionResult> OnGetLetterPdfAsync([FromServices] IssueLetterPdf letters, CancellationToken ct) =>
        Official.Of(User) is { } me ? LetterResult.Of(this, await letters.ForAgencyAsync(me.Agency, Id, ct)) : NotFound();

    public Task<IActionResult> OnPostAssignAsync(int version, CancellationToken ct) =>
        ActAsync(me => assign.ExecuteAsync(me, Id, version, ct), L("이 건을 맡았습니다.", "You took this case."), ct);

    public Task<IActionResult> OnPostCommentAsync(int version, string? text, CancellationToken ct) =>
        ActAsync(me => comment.ExecuteAsync(me, Id, version, text, ct), L("의견을 남겼습니다.", "Comment added."), ct);

    public Task<IActionResult> OnPostRequestAsync(int version, string? question, CancellationToken ct) =>
        ActAsync(me => request.ExecuteAsync(me, Id, version, question, ct), L("신청인에게 보완을 요청하고 알림을 보냈습니다.", "More information requested; the applicant has been told."), ct);

    public Task<IActionResult> OnPostDraftAsync(int version, string? decision, string? reason, CancellationToken ct) =>
        ActAsync(me => draft.ExecuteAsync(me, Id, version, decision, reason, ct), L("기안했습니다. 다른 공무원의 검토를 기다립니다.", "Drafted. It now waits for another official's review."), ct);

    public Task<IActionResult> OnPostReviewAsync(int version, string? verdict, string? text, CancellationToken ct) =>
        ActAsync(me => review.ExecuteAsync(me, Id, version, verdict == "agree", text, ct), verdict == "agree" ? L("검토했습니다. 결재를 기다립니다.", "Reviewed. It now waits for the approver.") : L("기안을 반려했습니다.", "Draft returned."), ct);

    public Task<IActionResult> OnPostDecideAsync(int version, string? verdict, string? text, CancellationToken ct) =>
        ActAsync(me => decide.ExecuteAsync(me, Id, version, verdict == "sign", text, ct), verdict == "sign" ? L("결재했습니다. 신청인에게 결과와 통지서를 보냈습니다.", "Decided. The applicant has the result and the letter.") : L("기안을 반려했습니다.", "Draft returned."), ct);

    private async Task<IActionResult> ActAsync(Func<Official, Task<CaseResult>> action, string done, CancellationToken ct)
    {
        if (Official.Of(User) is not { } me)
        {
            return Forbid();
        }

        var result = await action(me);
        if (result.Outcome == CaseOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome == CaseOutcome.Done)
        {
            // Post/redirect/get, so a refresh does not repeat the action.
            TempData["case-message"] = done;
            return LocalRedirect($"/officials/agencies/{Agency}/cases/{Id}");
        }

        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        Error = result.Message;
        Response.StatusCode = result.Outcome == CaseOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Official.Of(User) is not { } me)
        {
            return Forbid();
        }

        if (await queue.FindAsync(me.Agency, Id, ct) is not { } c)
        {
            return NotFound();
        }

        (Me, Case) = (me, c);
        Documents = await queue.DocumentsAsync(c, ct);
        Message = TempData["case-message"] as string;
        return null;
    }
}
