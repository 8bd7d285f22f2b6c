using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Oid4vp;

/// <summary>What a verifier's OpenID4VP request asks the web wallet for, read from its request object.</summary>
/// <param name="ClientName">The verifier's name as it states it in <c>client_metadata</c>; unsigned, so shown as "says it is".</param>
/// <param name="CertifiedName">A signed (x509_hash:) request: the name in the verifier's trusted certificate; null when unsigned.</param>
internal sealed record VerifierRequest(
    string ClientId, string? ClientName, Uri ResponseUri, string Nonce, string? State, string QueryId,
    IReadOnlyList<string> VctValues, IReadOnlyList<string> Claims, DateTimeOffset? ExpiresAt, string? CertifiedName = null);

/// <summary>
/// The wallet side of an OpenID4VP 1.0 request: the link (<c>openid4vp://?client_id=…&amp;request_uri=…</c>, or any https
/// link with those parameters) and the request object fetched from <c>request_uri</c>. Only what the web wallet can
/// answer is accepted: an unsigned request of the <c>redirect_uri:</c> client identifier prefix whose value is the
/// response URI (§5.9.3), or one signed by a trusted verifier certificate with the <c>x509_hash:</c> prefix
/// (<see cref="TrustedVerifiers"/>); <c>response_type vp_token</c>, <c>direct_post</c>, and a DCQL query for one dc+sd-jwt
/// credential by <c>vct</c> with plain claim paths. Everything else is refused with a stable code, before anything is
/// presented. Verifier URIs must be https; plain http only to a loopback address in Development or Testing.
/// </summary>
internal static class VerifierRequests
{
    /// <summary>Refusal codes, kebab-case, shown to the citizen in plain language (<see cref="Features.RejectionTexts"/>-style).</summary>
    public static class Codes
    {
        public const string MalformedLink = "malformed-link";
        public const string InsecureUri = "insecure-uri";
        public const string UnknownRequest = "unknown-request";
        public const string VerifierUnavailable = "verifier-unavailable";
        public const string MalformedRequest = "malformed-request";
        public const string UnsupportedRequest = "unsupported-request";
        public const string ClientMismatch = "client-mismatch";
        public const string Expired = "expired";
        public const string BlockedAddress = "blocked-address";
        public const string BadRequestSignature = "bad-request-signature";
        public const string UntrustedVerifier = "untrusted-verifier";
    }

    /// <summary>The largest request object read (ours are about 1 KB).</summary>
    public const int MaxRequestObject = 64 * 1024;

    /// <summary>Reads client_id and request_uri from a pasted or opened link; null when they are not both there.</summary>
    public static (string ClientId, string RequestUri)? ParseLink(string? link)
    {
        if (link is not { Length: > 0 and <= 4000 })
        {
            return null;
        }

        var trimmed = link.Trim();
        var query = trimmed.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? trimmed[(q + 1)..] : trimmed;
        string? clientId = null, requestUri = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            switch (pair[..eq])
            {
                case "client_id":
                    clientId = value;
                    break;
                case "request_uri":
                    requestUri = value;
                    break;
            }
        }

        return clientId is { Length: > 0 } && requestUri is { Length: > 0 } ? (clientId, requestUri) : null;
    }

    /// <summary>https, or http to a loopback address when <paramref name="environment"/> is Development or Testing; no user info or fragment.</summary>
    public static Uri? SafeUri(string? value, IHostEnvironment environment)
    {
        if (value is not { Length: > 0 and <= 2000 } || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        var loopbackAllowed = LoopbackAllowed(environment);
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && loopback && loopbackAllowed) ? uri : null;
    }

    /// <summary>Development and Testing run the verifier on this host, so the wallet may reach loopback there; nowhere else.</summary>
    public static bool LoopbackAllowed(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>Checks the request object against the link's client_id; answers the request or a refusal code.</summary>
    public static (VerifierRequest? Request, string? Refusal) Read(
        string requestObject, string linkClientId, IHostEnvironment environment, DateTimeOffset now, TrustedVerifiers? trusted = null)
    {
        var parts = requestObject.Trim().Split('.');
        if (parts.Length != 3)
        {
            return (null, Codes.MalformedRequest);
        }

        JsonObject? header, payload;
        try
        {
            header = B64.TryDecode(parts[0]) is { } h ? JsonNode.Parse(Encoding.UTF8.GetString(h)) as JsonObject : null;
            payload = B64.TryDecode(parts[1]) is { } b ? JsonNode.Parse(Encoding.UTF8.GetString(b)) as JsonObject : null;
        }
        catch (JsonException)
        {
            return (null, Codes.MalformedRequest);
        }

        if (header is null || payload is null)
        {
            return (null, Codes.MalformedRequest);
        }

        var signed = Text(header, "alg") != "none";
        if (Text(header, "typ") != "oauth-authz-req+jwt" || (!signed && parts[2].Length != 0))
        {
            return (null, Codes.UnsupportedRequest);
        }

        var clientId = Text(payload, "client_id");
        if (clientId is null || clientId != linkClientId)
        {
            return (null, Codes.ClientMismatch);
        }

        // redirect_uri: requests must not be signed (§5.9.3); x509_hash: requests must be, by a trusted certificate.
        var redirectUri = clientId.StartsWith(AuthorizationRequest.Prefix, StringComparison.Ordinal);
        var x509Hash = clientId.StartsWith(TrustedVerifiers.Prefix, StringComparison.Ordinal);
        if (!(redirectUri && !signed) && !(x509Hash && signed && trusted is not null)
            || Text(payload, "response_type") != "vp_token" || Text(payload, "response_mode") != "direct_post")
        {
            return (null, Codes.UnsupportedRequest);
        }

        string? certifiedName = null;
        if (x509Hash && trusted!.Check(header, parts, clientId[TrustedVerifiers.Prefix.Length..], now, out certifiedName) is { } untrusted)
        {
            return (null, untrusted);
        }

        var responseUriText = Text(payload, "response_uri");
        if (responseUriText is null || (redirectUri && clientId[AuthorizationRequest.Prefix.Length..] != responseUriText))
        {
            return (null, Codes.ClientMismatch);
        }

        if (SafeUri(responseUriText, environment) is not { } responseUri)
        {
            return (null, Codes.InsecureUri);
        }

        DateTimeOffset? expires = payload["exp"] is JsonValue exp && exp.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        if (expires <= now)
        {
            return (null, Codes.Expired);
        }

        if (Text(payload, "nonce") is not { Length: > 0 and <= 200 } nonce
            || payload["dcql_query"]?["credentials"] is not JsonArray { Count: 1 } credentials
            || credentials[0] is not JsonObject query || Text(query, "format") != "dc+sd-jwt"
            || Text(query, "id") is not { Length: > 0 and <= 64 } queryId
            || query["meta"]?["vct_values"] is not JsonArray { Count: > 0 } vcts
            || query["claims"] is not JsonArray { Count: > 0 and <= 32 } claims)
        {
            return (null, Codes.UnsupportedRequest);
        }

        var vctValues = new List<string>();
        foreach (var v in vcts)
        {
            if (v is not JsonValue value || !value.TryGetValue<string>(out var vct))
            {
                return (null, Codes.UnsupportedRequest);
            }

            vctValues.Add(vct);
        }

        var names = new List<string>();
        foreach (var claim in claims)
        {
            // Plain top-level paths only: ["name"]. Array elements or nested paths are more than this wallet answers.
            if (claim?["path"] is not JsonArray { Count: 1 } path || path[0] is not JsonValue p || !p.TryGetValue<string>(out var name)
                || name.Length is 0 or > 64 || names.Contains(name))
            {
                return (null, Codes.UnsupportedRequest);
            }

            names.Add(name);
        }

        var clientName = payload["client_metadata"]?["client_name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s[..Math.Min(s.Length, 100)] : null;
        return (new VerifierRequest(clientId, clientName, responseUri, nonce, Text(payload, "state"), queryId, vctValues, names, expires, certifiedName), null);
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
