using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Nara.Credentials.Oid4vp;

namespace Nara.Credentials.Features;

/// <summary>
/// The web wallet answers a verifier's OpenID4VP request: it fetches the request object from <c>request_uri</c>, shows
/// who asks for which claims and which of the citizen's credentials can answer, and — once the citizen has chosen and
/// confirmed — presents exactly the requested claims with a KB-JWT for the request's <c>client_id</c> and <c>nonce</c>
/// and posts <c>vp_token</c> by <c>direct_post</c> to <c>response_uri</c>. The request is fetched again on sending
/// (nothing is kept between the two pages), so a request that expired or was answered meanwhile is refused, not sent.
/// The portal fetches a URL the citizen brought, so: https only (loopback http in development), public addresses only
/// (<see cref="VerifierAddresses"/>, checked where the connection is made), no redirects, a 5-second timeout and a
/// 64 KB cap (the named client, <see cref="HttpClientName"/>). Like presenting on the wallet
/// page, answering is not audited: a presentation leaves no record tied to the citizen at the issuer.
/// </summary>
internal sealed class AnswerVerifierFromWallet(
    IHttpClientFactory http, IHostEnvironment environment, WalletQueries wallet, PresentFromWallet present, TrustedVerifiers trusted, TimeProvider clock)
{
    public const string HttpClientName = "Nara.Credentials.WalletVerifier";

    /// <summary>A credential that can answer, or one of the right type that lacks claims (shown, not selectable).</summary>
    internal sealed record Candidate(WalletItem Item, IReadOnlyList<string> Missing)
    {
        public bool CanAnswer => Item.Presentable && Missing.Count == 0;
    }

    internal sealed record Reading(VerifierRequest? Request, string? Refusal, IReadOnlyList<Candidate> Candidates);

    /// <param name="Sent">Whether the verifier accepted the answer.</param>
    /// <param name="RedirectUri">Same-device: where the verifier wants the browser next (its result page).</param>
    internal sealed record Sending(bool Sent, string? Refusal, string? VerifierError, Uri? RedirectUri);

    public async Task<Reading> ReadAsync(long residentId, string? link, CancellationToken cancellationToken)
    {
        var (request, refusal) = await FetchAsync(link, cancellationToken);
        if (request is null)
        {
            return new Reading(null, refusal, []);
        }

        var candidates = new List<Candidate>();
        foreach (var item in await wallet.ListAsync(residentId, cancellationToken))
        {
            if (item.Type is not { } type || !request.VctValues.Contains(type.Vct))
            {
                continue;
            }

            var detail = await wallet.FindAsync(residentId, item.Id, cancellationToken);
            var missing = request.Claims.Where(c => detail is null || !detail.Claims.Disclosable.ContainsKey(c)).ToList();
            candidates.Add(new Candidate(item, missing));
        }

        return new Reading(request, null, [.. candidates.OrderByDescending(c => c.CanAnswer).ThenByDescending(c => c.Item.IssuedAt)]);
    }

    /// <summary>Sends the chosen credential's answer, or the citizen's refusal (<c>error=access_denied</c>) when <paramref name="credentialId"/> is null.</summary>
    public async Task<Sending> SendAsync(long residentId, string? link, Guid? credentialId, string origin, CancellationToken cancellationToken)
    {
        var (request, refusal) = await FetchAsync(link, cancellationToken);
        if (request is null)
        {
            return new Sending(false, refusal, null, null);
        }

        var form = new Dictionary<string, string>();
        if (credentialId is { } id)
        {
            var item = await wallet.FindAsync(residentId, id, cancellationToken);
            if (item?.Item.Type is not { } type || !request.VctValues.Contains(type.Vct))
            {
                return new Sending(false, "wrong-credential", null, null);
            }

            var (presentRefusal, presentation) = await present.ExecuteAsync(
                residentId, id, request.Claims, origin, request.ClientId, request.Nonce, print: false, cancellationToken);
            switch (presentRefusal)
            {
                case PresentFromWallet.Refusal.NotFound:
                    return new Sending(false, "wrong-credential", null, null);
                case PresentFromWallet.Refusal.NotPresentable:
                    return new Sending(false, "not-presentable", null, null);
                case PresentFromWallet.Refusal.NoClaims or PresentFromWallet.Refusal.UnknownClaim:
                    return new Sending(false, "claims-missing", null, null);
            }

            form["vp_token"] = new JsonObject { [request.QueryId] = new JsonArray(presentation!.Presentation) }.ToJsonString();
        }
        else
        {
            form["error"] = "access_denied";
            form["error_description"] = "the holder declined";
        }

        if (request.State is { } state)
        {
            form["state"] = state;
        }

        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var content = new FormUrlEncodedContent(form);
            using var response = await client.PostAsync(request.ResponseUri, content, cancellationToken);
            var body = await ReadJsonAsync(response, cancellationToken);
            var redirect = body?["redirect_uri"] is JsonValue r && r.TryGetValue<string>(out var uri)
                ? VerifierRequests.SafeUri(uri, environment)
                : null;
            if (response.IsSuccessStatusCode)
            {
                return new Sending(credentialId is not null, credentialId is null ? "declined" : null, null, redirect);
            }

            var error = body?["error_description"] is JsonValue d && d.TryGetValue<string>(out var description) ? description[..Math.Min(description.Length, 200)] : null;
            return new Sending(false, "verifier-refused", error, redirect);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Sending(false, VerifierAddresses.IsBlocked(e) ? VerifierRequests.Codes.BlockedAddress : VerifierRequests.Codes.VerifierUnavailable, null, null);
        }
    }

    private async Task<(VerifierRequest? Request, string? Refusal)> FetchAsync(string? link, CancellationToken cancellationToken)
    {
        if (VerifierRequests.ParseLink(link) is not { } parsed)
        {
            return (null, VerifierRequests.Codes.MalformedLink);
        }

        if (VerifierRequests.SafeUri(parsed.RequestUri, environment) is not { } requestUri)
        {
            return (null, VerifierRequests.Codes.InsecureUri);
        }

        string requestObject;
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var message = new HttpRequestMessage(HttpMethod.Get, requestUri);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/oauth-authz-req+jwt"));
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return (null, VerifierRequests.Codes.UnknownRequest);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, VerifierRequests.Codes.VerifierUnavailable);
            }

            requestObject = await ReadCappedAsync(response, cancellationToken) ?? "";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, VerifierAddresses.IsBlocked(e) ? VerifierRequests.Codes.BlockedAddress : VerifierRequests.Codes.VerifierUnavailable);
        }

        return VerifierRequests.Read(requestObject, parsed.ClientId, environment, clock.GetUtcNow(), trusted);
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadCappedAsync(response, cancellationToken) is { Length: > 0 } text ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body as text, or null when it is larger than <see cref="VerifierRequests.MaxRequestObject"/>.</summary>
    private static async Task<string?> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[VerifierRequests.MaxRequestObject + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > VerifierRequests.MaxRequestObject ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }
}
