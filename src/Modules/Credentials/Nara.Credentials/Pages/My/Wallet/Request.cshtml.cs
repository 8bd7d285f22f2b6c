using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nara.Credentials.Api;
using Nara.Credentials.Features;
using Nara.Kernel.Security;

namespace Nara.Credentials.Pages.My.Wallet;

/// <summary>
/// The web wallet answers a verifier's OpenID4VP request: paste the link (or open
/// <c>/my/wallet/request?client_id=…&amp;request_uri=…</c>, the same-device link the verifier page shows), see who asks
/// for which items, choose a credential that holds them and send — or decline. No JavaScript; the link travels in a
/// hidden field and the request is fetched again when sending.
/// </summary>
[Authorize(Policy = NaraPolicies.Citizen)]
internal sealed class RequestModel(AnswerVerifierFromWallet answer, IOptions<CredentialsOptions> options) : PageModel
{
    /// <summary>The pasted link (openid4vp://… or an https link with client_id and request_uri).</summary>
    [BindProperty(SupportsGet = true, Name = "request")]
    public string? Link { get; set; }

    [BindProperty(SupportsGet = true, Name = "client_id")]
    public string? ClientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "request_uri")]
    public string? RequestUri { get; set; }

    public AnswerVerifierFromWallet.Reading? Reading { get; private set; }

    public AnswerVerifierFromWallet.Sending? Sending { get; private set; }

    /// <summary>The link the page works on, whichever way it came.</summary>
    public string? EffectiveLink => Link is { Length: > 0 } ? Link
        : ClientId is { Length: > 0 } && RequestUri is { Length: > 0 }
            ? $"openid4vp://?client_id={Uri.EscapeDataString(ClientId)}&request_uri={Uri.EscapeDataString(RequestUri)}"
            : null;

    public bool Linked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident)
        {
            return Page();
        }

        Linked = true;
        if (EffectiveLink is { } link)
        {
            Reading = await answer.ReadAsync(resident, link, ct);
            if (Reading.Refusal is not null)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public Task<IActionResult> OnPostSendAsync(Guid? credential, CancellationToken ct) => SendAsync(credential ?? Guid.Empty, ct);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => SendAsync(null, ct);

    private async Task<IActionResult> SendAsync(Guid? credential, CancellationToken ct)
    {
        if (Callers.Resident(User) is not { } resident)
        {
            return RedirectToPage();
        }

        Linked = true;
        Sending = await answer.SendAsync(resident, EffectiveLink, credential, Issuer.Of(HttpContext, options.Value), ct);
        if (Sending.RedirectUri is { } redirect)
        {
            return Redirect(redirect.AbsoluteUri); // same-device: the verifier's page shows the result
        }

        if (Sending.Refusal is not null and not "declined")
        {
            Response.StatusCode = Sending.Refusal is "verifier-refused" or VerifierUnavailable ? StatusCodes.Status502BadGateway : StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private const string VerifierUnavailable = Oid4vp.VerifierRequests.Codes.VerifierUnavailable;

    public static (string Ko, string En) RefusalText(string? code) => code switch
    {
        "malformed-link" => ("요청 링크를 읽을 수 없습니다. client_id와 request_uri가 담긴 링크를 붙여 넣으세요.", "The request link cannot be read. Paste a link with client_id and request_uri."),
        "insecure-uri" => ("요청 주소가 안전하지 않습니다 (https가 아님). 보내지 않았습니다.", "The verifier's address is not secure (not https). Nothing was sent."),
        "blocked-address" => ("요청 주소가 공개 인터넷 주소가 아닙니다 (내부망 주소 등). 연결하지 않았고 보내지 않았습니다.", "The verifier's address is not a public internet address (an internal network, for example). It was not contacted and nothing was sent."),
        "bad-request-signature" => ("요청의 서명이 맞지 않습니다. 보내지 않았습니다.", "The request's signature does not check out. Nothing was sent."),
        "untrusted-verifier" => ("요청한 곳의 인증서를 신뢰할 수 없습니다 (등록된 인증 기관이 발급하지 않았거나 만료됨). 보내지 않았습니다.", "The verifier's certificate is not trusted (not from a registered authority, or expired). Nothing was sent."),
        "unknown-request" => ("확인하는 곳이 이 요청을 알지 못합니다. 시간이 지났거나 이미 응답한 요청입니다.", "The verifier does not know this request: it expired or was already answered."),
        "verifier-unavailable" => ("확인하는 곳에 연결할 수 없습니다. 잠시 뒤 다시 시도하세요.", "The verifier cannot be reached. Try again later."),
        "malformed-request" => ("확인하는 곳의 요청 내용을 읽을 수 없습니다.", "The verifier's request cannot be read."),
        "unsupported-request" => ("이 전자지갑이 답할 수 없는 형식의 요청입니다.", "This wallet cannot answer a request of this kind."),
        "client-mismatch" => ("요청 내용이 링크와 맞지 않습니다. 보내지 않았습니다.", "The request does not match its link. Nothing was sent."),
        "expired" => ("요청의 유효 시간이 지났습니다. 확인하는 곳에 새 요청을 부탁하세요.", "The request has expired. Ask the verifier for a new one."),
        "wrong-credential" => ("고른 증명서로는 이 요청에 답할 수 없습니다.", "The chosen credential cannot answer this request."),
        "not-presentable" => ("유효하지 않은 증명서는 제시할 수 없습니다 (만료, 취소 또는 정지).", "A credential that is not valid (expired, revoked or suspended) cannot be presented."),
        "claims-missing" => ("고른 증명서에 요청한 항목이 모두 들어 있지 않습니다. 보내지 않았습니다.", "The chosen credential does not hold every item asked for. Nothing was sent."),
        "verifier-refused" => ("확인하는 곳이 응답을 받아들이지 않았습니다.", "The verifier did not accept the answer."),
        _ => ("요청을 처리할 수 없습니다.", "The request could not be processed."),
    };
}
