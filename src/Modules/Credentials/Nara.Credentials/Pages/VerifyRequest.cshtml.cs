using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.Oid4vci;
using Nara.Credentials.Oid4vp;

namespace Nara.Credentials.Pages;

/// <summary>
/// The public verifier page for OpenID4VP: choose what to ask for (or only "19 or older"), show the request as a QR
/// code for a phone (cross-device: the page reloads itself with the HTTP Refresh header until the answer arrives) or
/// as a link to a wallet on this device (same-device: the wallet sends the browser back with a response_code).
/// The transaction id lives in a cookie of this browser only, so another browser cannot read the result.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AnonymousRateLimits.PresentationRequests)]
internal sealed class VerifyRequestModel(CreatePresentationRequest create, ReadPresentationResult read, OfferableCredentials types, IOptions<CredentialsOptions> options) : PageModel
{
    private const string CookiePrefix = "nara-vp-";

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    [BindProperty]
    public List<string> Claims { get; set; } = [];

    [BindProperty]
    public string? Device { get; set; }

    [BindProperty(SupportsGet = true, Name = "response_code")]
    public string? ResponseCode { get; set; }

    public bool AgeOnly => Mode == "age";

    public IReadOnlyList<string> Available => types.Find(CredentialTypes.ResidentId.Id)?.Claims ?? [];

    public ReadPresentationResult.Outcome? Outcome { get; private set; }

    public string? Link { get; private set; }

    public string? Qr { get; private set; }

    /// <summary>The same request for the web wallet on this host (an https link: the browser has no openid4vp:// handler for it).</summary>
    public string? WebWalletLink { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return;
        }

        Outcome = await read.ExecuteAsync(id, Request.Cookies[CookiePrefix + id.ToString("N")], ResponseCode, ct);
        if (Outcome.State == ReadPresentationResult.State.Pending)
        {
            Link = AuthorizationRequest.Link(Issuer.Of(HttpContext, options.Value), id);
            Qr = QrCodes.PngDataUri(Link);
            var origin = Issuer.Of(HttpContext, options.Value);
            WebWalletLink = $"{origin}/my/wallet/request?client_id={Uri.EscapeDataString(AuthorizationRequest.ClientId(origin, id))}"
                + $"&request_uri={Uri.EscapeDataString(AuthorizationRequest.RequestUri(origin, id))}";
            if (!Outcome.SameDevice)
            {
                Response.Headers["Refresh"] = "3"; // polling without JavaScript
            }
        }

        Response.Headers.CacheControl = "no-store";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var origin = Issuer.Of(HttpContext, options.Value);
        var sameDevice = Device == "same";
        var id = Guid.NewGuid(); // chosen here because the same-device redirect target names it
        var (created, _, _) = await create.ExecuteAsync(origin, CredentialTypes.ResidentId.Id, AgeOnly ? ["age_over_19"] : Claims,
            sameDevice ? $"{origin}/verify/request/{id:D}" : null, ct, id);
        if (created is null)
        {
            Error = Kernel.Localization.Bilingual.L("요청할 항목을 하나 이상 고르세요.", "Choose at least one item to ask for.");
            return Page();
        }

        Response.Cookies.Append(CookiePrefix + created.Id.ToString("N"), created.TransactionId, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/verify/request",
            MaxAge = options.Value.PresentationLifetime,
        });
        return Redirect($"/verify/request/{created.Id:D}");
    }

    public static string Show(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.True => Kernel.Localization.Bilingual.L("예", "Yes"),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.False => Kernel.Localization.Bilingual.L("아니요", "No"),
        JsonObject o when o["formatted"] is JsonValue f => f.ToString(),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => value?.ToJsonString() ?? "",
    };
}
