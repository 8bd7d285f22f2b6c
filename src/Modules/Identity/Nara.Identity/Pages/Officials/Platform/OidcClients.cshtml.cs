using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Identity.Api;
using Nara.Identity.Contracts;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Identity.Pages.Officials.Platform;

/// <summary>The values of the registration form, kept when it is shown again with an error.</summary>
internal sealed record OidcClientForm(
    string ClientId = "",
    string DisplayName = "",
    string ClientType = OidcClientTypes.Confidential,
    string Sector = OidcSectors.Private,
    string AgencyCode = "",
    string RedirectUris = "",
    string PostLogoutRedirectUris = "",
    IReadOnlyList<string>? Scopes = null,
    bool ClientCredentials = false);

/// <summary>
/// Platform administrators register, list and remove the relying parties and agency systems of Nara's OpenID
/// provider: the same use cases as /api/identity/oidc-clients, so the same rules and the same audit records.
/// </summary>
[Authorize(Policy = OidcClientsApi.PlatformAdministrator)]
internal sealed class OidcClientsModel(IOidcClientAdministration clients) : PageModel
{
    public IReadOnlyList<OidcClientInfo> Clients { get; private set; } = [];

    public OidcClientForm Form { get; private set; } = new(Scopes: ["openid", "profile"]);

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>A new confidential client's secret: shown in this one answer, never stored in clear.</summary>
    public string? Secret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Clients = await clients.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(
        string? clientId, string? displayName, string? clientType, string? sector, string? agencyCode,
        string? redirectUris, string? postLogoutRedirectUris, string[]? scopes, bool clientCredentials, CancellationToken cancellationToken)
    {
        Form = new OidcClientForm(clientId?.Trim() ?? "", displayName?.Trim() ?? "", clientType ?? "", sector ?? "", agencyCode?.Trim() ?? "",
            redirectUris ?? "", postLogoutRedirectUris ?? "", scopes ?? [], clientCredentials);
        var result = await clients.RegisterAsync(new NewOidcClient(
            Form.ClientId, Form.DisplayName, Form.ClientType, Form.Sector, Form.AgencyCode.Length == 0 ? null : Form.AgencyCode,
            Lines(Form.RedirectUris), Lines(Form.PostLogoutRedirectUris), Form.Scopes ?? [], Form.ClientCredentials), cancellationToken);
        if (!result.Succeeded)
        {
            // The rules answer in English (they serve the API and the command line too); the page says what happened first.
            return await ShowAsync(null, L($"등록하지 못했습니다. {result.Error}", $"The client was not registered. {result.Error}"), cancellationToken);
        }

        Secret = result.Secret;
        // The secret must not linger in a cache or in the browser's history of pages.
        Response.Headers.CacheControl = "no-store";
        var registered = Form.ClientId;
        Form = new OidcClientForm(Scopes: ["openid", "profile"]);
        return await ShowAsync(L($"‘{registered}’ 클라이언트를 등록했습니다.", $"Client ‘{registered}’ registered."), null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? clientId, CancellationToken cancellationToken) =>
        clientId is { Length: > 0 } && await clients.RemoveAsync(clientId, cancellationToken)
            ? await ShowAsync(L($"‘{clientId}’ 클라이언트를 삭제하고 발급된 토큰을 모두 폐기했습니다.", $"Client ‘{clientId}’ removed and all its tokens revoked."), null, cancellationToken)
            : await ShowAsync(null, L("그런 클라이언트가 없습니다.", "There is no such client."), cancellationToken);

    private async Task<IActionResult> ShowAsync(string? message, string? error, CancellationToken cancellationToken)
    {
        (Message, Error) = (message, error);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Clients = await clients.ListAsync(cancellationToken);
        return Page();
    }

    private static string[] Lines(string text) =>
        text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
