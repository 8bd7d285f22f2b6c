using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Consent.Api;
using Nara.Consent.Domain;
using Nara.Consent.Features;
using Nara.Consent.Features.Webhooks;

namespace Nara.Consent.Pages.Officials.Consent.Webhooks;

/// <summary>
/// An agency administrator's webhooks: the list (with the newest delivery's status) and registering one. The same
/// policy and use cases as config/webhook* of the API, so the same rules, scope and audit records.
/// </summary>
[Authorize(Policy = ConsentPolicies.Administrator)]
internal sealed class IndexModel(WebhookQueries queries, SaveWebhook save, IOptions<ConsentOptions> options) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<WebhookListItem> Webhooks { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The form as it was sent, shown again when it was refused.</summary>
    public string PayloadUrl { get; private set; } = "";

    public IReadOnlyList<string> Events { get; private set; } = [];

    /// <summary>The webhook just registered and its secret: shown in this one answer only.</summary>
    public Webhook? Created { get; private set; }

    public bool Platform => Callers.AdministeredAgency(User, options.Value.PlatformAgency) is null;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? payloadUrl, string[]? events, CancellationToken ct)
    {
        (PayloadUrl, Events) = (payloadUrl ?? "", events ?? []);
        var outcome = await save.CreateAsync(new WebhookInput(payloadUrl, null, events ?? [], false), Callers.Actor(User), ct);
        if (outcome.Status == OutcomeStatus.Ok)
        {
            // Not a redirect: the secret must not travel again (in a cookie or a URL); the answer is not cached either.
            Created = outcome.Value;
            Response.Headers.CacheControl = "no-store";
            (PayloadUrl, Events) = ("", []);
        }
        else
        {
            Errors = WebhookTexts.Errors(outcome.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Offset = Math.Max(0, Offset);
        var list = await queries.ListAsync(Callers.AdministeredAgency(User, options.Value.PlatformAgency), Offset, PageSize, ct);
        (Webhooks, Total) = (list.Items, list.Total);
    }
}
