using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.Oid4vci;
using Nara.Credentials.Oid4vp;

namespace Nara.Credentials.Features;

/// <summary>
/// The response endpoint of a request (OpenID4VP response mode <c>direct_post</c>): the wallet posts <c>vp_token</c>
/// (a JSON object keyed by the DCQL query id) and <c>state</c>. The presentation is verified with the KB-JWT's
/// <c>aud</c> = the client_id and <c>nonce</c> = the request's nonce; it must disclose exactly the requested claims
/// (fewer cannot answer the question; more is data the verifier did not ask for and will not take). The first
/// answer — accepted or refused — is final: a replayed or second response is refused and changes nothing.
/// </summary>
internal sealed class AnswerPresentationRequest(CredentialsDbContext db, VerifyPresentation verify, TimeProvider clock)
{
    /// <param name="Recorded">Whether this answer was taken as the request's (final) answer; false: nothing changed.</param>
    /// <param name="Accepted">Whether the presentation was accepted (the wallet learns this; the verifier reads the result).</param>
    /// <param name="RedirectUri">Same-device: where the wallet sends the user, with a response_code.</param>
    internal sealed record Outcome(bool Recorded, bool Accepted, string? Error, string? Description, string? RedirectUri);

    public async Task<Outcome> ExecuteAsync(string origin, Guid id, string? vpToken, string? state, string? walletError, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var request = await db.Presentations.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (request is null || request.ExpiresAt <= now)
        {
            return new Outcome(false, false, "invalid_request", "no open presentation request has this response URI (expired?)", null);
        }

        if (request.AnsweredAt is not null)
        {
            return new Outcome(false, false, "invalid_request", "this request was already answered; a response is accepted once", null);
        }

        if (state != request.State)
        {
            return new Outcome(false, false, "invalid_request", "state does not match the request", null);
        }

        var result = walletError is { Length: > 0 }
            ? Refused("wallet-" + walletError[..Math.Min(walletError.Length, 40)], "the wallet declined or failed to answer")
            : await CheckAsync(origin, request.Id, request.Type, request.Nonce, JsonSerializer.Deserialize<List<string>>(request.Claims) ?? [], vpToken, cancellationToken);
        var accepted = result["valid"]?.GetValue<bool>() == true;
        var responseCode = request.RedirectUri is null ? null : Secrets.New();
        var responseCodeHash = responseCode is null ? null : Secrets.Hash(responseCode);
        var recorded = await db.Presentations.Where(p => p.Id == id && p.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.AnsweredAt, now)
                .SetProperty(p => p.Result, result.ToJsonString())
                .SetProperty(p => p.ResponseCodeHash, responseCodeHash), cancellationToken);
        if (recorded != 1)
        {
            return new Outcome(false, false, "invalid_request", "this request was already answered; a response is accepted once", null);
        }

        var redirect = request.RedirectUri is { } uri ? uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "response_code=" + responseCode : null;
        return accepted
            ? new Outcome(true, true, null, null, redirect)
            : new Outcome(true, false, "invalid_request", Text(result, "reason") ?? "the presentation was not accepted", walletError is null ? null : redirect);
    }

    private async Task<JsonObject> CheckAsync(string origin, Guid id, string typeId, string nonce, List<string> wanted, string? vpToken, CancellationToken ct)
    {
        var type = CredentialTypes.All.First(t => t.Id == typeId);
        JsonObject? token = null;
        try
        {
            token = vpToken is { Length: > 0 and <= 64_000 } ? JsonNode.Parse(vpToken) as JsonObject : null;
        }
        catch (JsonException)
        {
        }

        if (token is null || token.Count != 1 || token[AuthorizationRequest.QueryId(type)] is not JsonArray { Count: 1 } presentations
            || presentations[0] is not JsonValue value || !value.TryGetValue<string>(out var presentation))
        {
            return Refused("malformed", $"vp_token must be {{\"{AuthorizationRequest.QueryId(type)}\": [one presentation]}}");
        }

        var outcome = await verify.ExecuteAsync(presentation, AuthorizationRequest.ClientId(origin, id), nonce, ageOnly: false, ct);
        if (!outcome.Valid)
        {
            return Refused(outcome.Code!, outcome.Reason!);
        }

        if (outcome.Vct != type.Vct)
        {
            return Refused("wrong-credential-type", $"a {outcome.Vct} was presented, {type.Vct} was asked for");
        }

        var disclosed = outcome.Disclosed!.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (wanted.Any(c => !disclosed.Contains(c)))
        {
            return Refused("claims-missing", "the presentation does not disclose every requested claim");
        }

        if (disclosed.Any(c => !wanted.Contains(c)))
        {
            return Refused("claims-not-requested", "the presentation discloses claims that were not requested");
        }

        var claims = new JsonObject();
        foreach (var name in wanted)
        {
            claims[name] = outcome.Disclosed![name]?.DeepClone();
        }

        return new JsonObject
        {
            ["valid"] = true,
            ["issuer"] = outcome.Issuer,
            ["type"] = outcome.Vct,
            ["expiresAt"] = outcome.ExpiresAt?.ToString("O"),
            ["status"] = outcome.Status,
            ["keyBound"] = outcome.KeyBound,
            ["disclosed"] = claims,
        };
    }

    private static JsonObject Refused(string code, string reason) => new() { ["valid"] = false, ["code"] = code, ["reason"] = reason };

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
