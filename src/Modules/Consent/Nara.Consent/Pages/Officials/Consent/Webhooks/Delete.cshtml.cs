using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Consent.Api;
using Nara.Consent.Domain;
using Nara.Consent.Features;
using Nara.Consent.Features.Webhooks;

namespace Nara.Consent.Pages.Officials.Consent.Webhooks;

/// <summary>Asks before deleting (a page of its own, so the confirmation needs no script), then deletes.</summary>
[Authorize(Policy = ConsentPolicies.Administrator)]
internal sealed class DeleteModel(SaveWebhook save, IOptions<ConsentOptions> options) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public Webhook Webhook { get; private set; } = null!;

    private string? Scope => Callers.AdministeredAgency(User, options.Value.PlatformAgency);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await save.FindAsync(Id, Scope, ct) is not { } hook)
        {
            return NotFound();
        }

        Webhook = hook;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        (await save.DeleteAsync(Id, Callers.Actor(User), Scope, ct)).Status == OutcomeStatus.Ok
            ? LocalRedirect("/officials/consent/webhooks?done=deleted")
            : NotFound();
}
