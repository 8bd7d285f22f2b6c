using System.Net;
using System.Text.RegularExpressions;
using Nara.Identity.Contracts;
using Nara.Identity.Features.AgencyClients;

namespace Nara.Identity.Features.Oidc.Clients;

/// <summary>What a client registration must satisfy; the answer is an English sentence for the administrator.</summary>
internal static partial class OidcClientRules
{
    [GeneratedRegex("^[A-Za-z0-9._:/-]{3,100}$")]
    private static partial Regex ClientId();

    public static string? Check(NewOidcClient c)
    {
        if (c.ClientId is null || !ClientId().IsMatch(c.ClientId))
        {
            return "The client id must be 3 to 100 letters, digits or . _ : / - (e.g. nara-demo-rp or KR/GOV/NHIS/benefits).";
        }

        if (string.IsNullOrWhiteSpace(c.DisplayName) || c.DisplayName.Length > 200)
        {
            return "The client needs a display name of at most 200 characters.";
        }

        if (c.ClientType is not (OidcClientTypes.Confidential or OidcClientTypes.Public))
        {
            return "The client type must be confidential or public.";
        }

        if (c.Sector is not (OidcSectors.Public or OidcSectors.Private))
        {
            return "The sector must be public (government) or private.";
        }

        if (c.AgencyCode is { } agency && !AgencyClientScopes.AgencyCode().IsMatch(agency))
        {
            return "The agency code must be 2 to 20 letters or digits, e.g. NHIS.";
        }

        if (c.ClientCredentials && (c.ClientType != OidcClientTypes.Confidential || c.AgencyCode is null))
        {
            return "Only a confidential client of an agency (with an agency code) may use client credentials.";
        }

        var unknown = c.Scopes.FirstOrDefault(s => !OidcScopes.All.Contains(s) && !IsRegistryScope(s));
        if (unknown is not null)
        {
            return $"'{unknown}' is not a scope; scopes: {string.Join(' ', OidcScopes.All)} or registries:<registry>:read|write.";
        }

        if (c.Scopes.Any(OidcScopes.IsApi) && !c.ClientCredentials)
        {
            return "API scopes (registries.read, registries.write, notifications.send, services.registration, exchange) are for agency systems using client credentials.";
        }

        if (c.Scopes.Any(s => !OidcScopes.IsApi(s)) && c.RedirectUris.Count == 0)
        {
            return "A client that signs people in needs at least one redirect URI.";
        }

        if (c.Scopes.Count == 0)
        {
            return "The client needs at least one scope.";
        }

        var bad = c.RedirectUris.Concat(c.PostLogoutRedirectUris).FirstOrDefault(u => !IsAcceptableRedirect(u));
        return bad is null
            ? null
            : $"'{bad}' is not an acceptable redirect URI: it must be absolute, without a fragment, and https (http only on localhost).";
    }

    private static bool IsRegistryScope(string scope) =>
        scope.StartsWith("registries:", StringComparison.Ordinal) && AgencyClientScopes.Scope().IsMatch(scope);

    /// <summary>Redirect URIs are later compared exactly (OpenIddict, ordinal), so only their shape is checked here.</summary>
    private static bool IsAcceptableRedirect(string value) =>
        value.Length <= 2000
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Fragment.Length == 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri.Host)));

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
