using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Data;
using Nara.Consent.Domain;
using Nara.Consent.Features;
using Nara.Consent.Features.MyData;
using Nara.Identity.Contracts;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;

namespace Nara.Consent.Pages.My.Data;

/// <summary>
/// MyData transfer (/my/data/transfers): send chosen registry data to a registered recipient once or every month,
/// see each transfer and when the recipient collected it, and stop a transfer in one step.
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class TransfersModel(ConsentDbContext db, IMyDataRecipients recipients, CreateTransfer create, WithdrawTransfer withdraw) : PageModel
{
    public IReadOnlyList<MyDataRecipient> Recipients { get; private set; } = [];

    public IReadOnlyList<(MyDataTransfer Transfer, IReadOnlyList<MyDataPackage> Packages)> Transfers { get; private set; } = [];

    [BindProperty]
    public string? Recipient { get; set; }

    [BindProperty]
    public List<string> Datasets { get; set; } = [];

    [BindProperty]
    public string? Schedule { get; set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public bool Linked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (Callers.CitizenIndividual(User) is { } individual)
        {
            // A date the browser could not parse arrives as a model error: say so instead of ignoring it.
            var (transfer, error) = !ModelState.IsValid && ModelState[nameof(EndDate)]?.Errors.Count > 0
                ? (null, Bilingual.L("종료일을 YYYY-MM-DD 형식으로 적어 주세요.", "Write the end date as YYYY-MM-DD."))
                : await create.ExecuteAsync(individual, new TransferRequest(Recipient, Datasets, Schedule, EndDate), Callers.Actor(User), ct);
            if (transfer is not null)
            {
                return RedirectToPage(new { done = "created" });
            }

            Error = error;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid transferId, CancellationToken ct)
    {
        if (Callers.CitizenIndividual(User) is { } individual && await withdraw.ExecuteAsync(individual, transferId, Callers.Actor(User), ct))
        {
            return RedirectToPage(new { done = "withdrawn" });
        }

        Error = Bilingual.L("전송을 중단하지 못했습니다. 목록을 새로 고친 뒤 다시 시도하세요.", "The transfer could not be stopped. Reload the list and try again.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var individual = Callers.CitizenIndividual(User);
        Linked = individual is not null;
        Recipients = await recipients.ListAsync(ct);
        if (individual is null)
        {
            return;
        }

        var transfers = await db.MyDataTransfers.AsNoTracking().Where(t => t.IndividualId == individual).ToListAsync(ct);
        var ids = transfers.Select(t => t.Id).ToList();
        var packages = await db.MyDataPackages.AsNoTracking().Where(p => ids.Contains(p.TransferId)).ToListAsync(ct);
        Transfers = [.. transfers.OrderByDescending(t => t.CreatedAt)
            .Select(t => (t, (IReadOnlyList<MyDataPackage>)[.. packages.Where(p => p.TransferId == t.Id).OrderBy(p => p.Sequence)]))];
    }
}
