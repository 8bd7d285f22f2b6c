using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Consent.Api;
using Nara.Consent.Domain;
using Nara.Consent.Features;
using Nara.Consent.Features.Webhooks;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Consent.Pages.Officials.Consent.Webhooks;

/// <summary>
/// One webhook: switch it off or on, send a test event, rotate its secret (the new one shown once), and its recent
/// deliveries with every attempt, each finished one sendable again. Another agency's webhook is not found.
/// </summary>
[Authorize(Policy = ConsentPolicies.Administrator)]
internal sealed class DetailModel(
    SaveWebhook save, WebhookQueries queries, PingWebhook ping, RedeliverWebhook redeliver, RotateWebhookSecret rotate, IOptions<ConsentOptions> options) : PageModel
{
    public const int PageSize = 20;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Webhook Webhook { get; private set; } = null!;

    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>After a rotation: the new secret, shown in this one answer only.</summary>
    public string? NewSecret { get; private set; }

    /// <summary>The grace field as typed, shown again when it was refused.</summary>
    public string GraceHours { get; private set; } = RotateWebhookSecret.DefaultGraceHours.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string? Scope => Callers.AdministeredAgency(User, options.Value.PlatformAgency);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostToggleAsync(bool? disabled, CancellationToken ct) => disabled is not { } off
        ? await RefusedAsync(OutcomeStatus.Invalid, new Dictionary<string, string[]> { ["disabled"] = ["true or false"] }, null, ct)
        : await DoneAsync(await save.SetDisabledAsync(Id, off, Callers.Actor(User), Scope, ct), off ? "disabled" : "enabled", ct);

    public async Task<IActionResult> OnPostPingAsync(CancellationToken ct) =>
        await DoneAsync(await ping.ExecuteAsync(Id, Scope, ct), "pinged", ct);

    public async Task<IActionResult> OnPostRedeliverAsync(Guid delivery, CancellationToken ct) =>
        await DoneAsync(await redeliver.ExecuteAsync(Id, delivery, Callers.Actor(User), Scope, ct), "redelivered", ct);

    /// <summary>Empty means the default; anything that is not a whole number is refused, never read as the default.</summary>
    public async Task<IActionResult> OnPostRotateAsync(string? graceHours, CancellationToken ct)
    {
        GraceHours = graceHours ?? "";
        int? hours = null;
        if (!string.IsNullOrWhiteSpace(graceHours))
        {
            if (!int.TryParse(graceHours, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return await RefusedAsync(OutcomeStatus.Invalid, new Dictionary<string, string[]> { ["previousSecretValidForHours"] = ["not a number"] }, null, ct);
            }

            hours = parsed;
        }

        var outcome = await rotate.ExecuteAsync(Id, hours, Callers.Actor(User), Scope, ct);
        if (outcome.Status != OutcomeStatus.Ok)
        {
            return await RefusedAsync(outcome.Status, outcome.Errors, outcome.Detail, ct);
        }

        // Not a redirect: the new secret must not travel again; the answer is not cached either.
        NewSecret = outcome.Value!.SecretKey;
        GraceHours = RotateWebhookSecret.DefaultGraceHours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> DoneAsync<T>(Outcome<T> outcome, string done, CancellationToken ct) =>
        outcome.Status == OutcomeStatus.Ok
            ? LocalRedirect($"/officials/consent/webhooks/{Id}?done={done}") // post/redirect/get: a refresh repeats nothing
            : await RefusedAsync(outcome.Status, outcome.Errors, outcome.Detail, ct);

    private async Task<IActionResult> RefusedAsync(OutcomeStatus status, IReadOnlyDictionary<string, string[]>? errors, string? detail, CancellationToken ct)
    {
        if (status == OutcomeStatus.NotFound && await save.FindAsync(Id, Scope, ct) is null)
        {
            return NotFound();
        }

        Errors = status switch
        {
            OutcomeStatus.Invalid => WebhookTexts.Errors(errors),
            OutcomeStatus.NotFound => [L("그 전달 기록이 이 웹훅에 없습니다. 목록을 새로 고치세요.", "This webhook has no such delivery. Reload the page.")],
            _ => [Conflict(detail)],
        };
        var page = await ShowAsync(ct);
        Response.StatusCode = status switch
        {
            OutcomeStatus.Invalid => StatusCodes.Status400BadRequest,
            OutcomeStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        return page;
    }

    private string Conflict(string? detail) => Webhook is { Disabled: true } || detail?.Contains("disabled", StringComparison.Ordinal) == true
        ? L("웹훅이 중지되어 있습니다. 먼저 다시 사용하도록 켜세요.", "The webhook is disabled. Enable it first.")
        : L("아직 보내는 중인 알림입니다. 전달되거나 실패한 뒤에 다시 보낼 수 있습니다.", "This delivery is still being sent. It can be sent again once it was delivered or has failed.");

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Offset = Math.Max(0, Offset);
        if (await save.FindAsync(Id, Scope, ct) is not { } hook || await queries.DeliveriesAsync(Id, Scope, Offset, PageSize, ct) is not { } page)
        {
            return NotFound();
        }

        (Webhook, Deliveries, Total) = (hook, page.Items, page.Total);
        return Page();
    }
}
