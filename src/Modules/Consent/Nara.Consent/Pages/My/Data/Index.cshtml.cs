using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Consent.Features;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;

namespace Nara.Consent.Pages.My.Data;

/// <summary>The citizen's MyData dashboard: every consent given (what, to whom, why, until when), withdrawn in one step.</summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class IndexModel(MyConsents consents, ChangeConsent change, GiveConsent give) : PageModel
{
    public IReadOnlyList<MyConsent> Consents { get; private set; } = [];

    public IReadOnlyList<ConsentOffer> Offers { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Given { get; set; }

    public bool Linked { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Withdrawn { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid recordId, CancellationToken ct)
    {
        if (Callers.CitizenIndividual(User) is not { } individual)
        {
            await LoadAsync(ct);
            return Page();
        }

        var outcome = await change.ExecuteAsync(recordId, individual, optIn: false, Callers.Actor(User), ct);
        if (outcome.Status == OutcomeStatus.Ok)
        {
            // Post/redirect/get: a reload does not post again.
            return RedirectToPage(new { withdrawn = 1 });
        }

        Error = Bilingual.L("철회하지 못했습니다. 목록을 새로 고친 뒤 다시 시도하세요.", "The consent could not be withdrawn. Reload the list and try again.");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Opts in to an agreement (or again, after a withdrawal): a signed consent record, at once.</summary>
    public async Task<IActionResult> OnPostGiveAsync(Guid agreementId, CancellationToken ct)
    {
        if (Callers.CitizenIndividual(User) is { } individual
            && (await give.ExecuteAsync(agreementId, individual, Callers.Actor(User), ct)).Status == OutcomeStatus.Ok)
        {
            return RedirectToPage(new { given = 1 });
        }

        Error = Bilingual.L("동의하지 못했습니다. 이 약정은 더 이상 동의를 받지 않거나 이미 동의했습니다.", "The consent could not be given: the agreement no longer takes consent, or you already gave it.");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var individual = Callers.CitizenIndividual(User);
        Linked = individual is not null;
        Consents = individual is null ? [] : await consents.ListAsync(individual, ct);
        Offers = individual is null ? [] : await consents.OffersAsync(individual, ct);
    }
}
