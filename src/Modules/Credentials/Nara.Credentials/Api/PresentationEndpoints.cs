using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Credentials.Features;
using Nara.Credentials.Oid4vci;
using Nara.Credentials.Oid4vp;
using Nara.Kernel.Http;

namespace Nara.Credentials.Api;

/// <summary>
/// OpenID4VP 1.0 verifier hosted by Nara, for shops, banks and agencies (anonymous, as /api/credentials/verify: a
/// verifier needs no account to check a credential). Create a request, let the wallet fetch it at request_uri and
/// answer at the response URI (direct_post), then read the result with the transaction id (cross-device), or with
/// the response_code the wallet's redirect brought back (same-device).
/// </summary>
internal static class PresentationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(AuthorizationRequest.Base).AllowAnonymous().DisableAntiforgery().WithTags("Credentials");
        group.MapPost("", CreateAsync).RequireRateLimiting(AnonymousRateLimits.PresentationRequests);
        group.MapGet("/{id:guid}/request", RequestObjectAsync);
        group.MapPost("/{id:guid}/response", ResponseAsync);
        group.MapPost("/{id:guid}/result", ResultAsync);
    }

    /// <param name="Type">Credential type id (resident-id).</param>
    /// <param name="Claims">The claims asked for; only these are disclosed and returned.</param>
    /// <param name="Mode">"age": ask for age_over_19 only (claims ignored).</param>
    /// <param name="RedirectUri">Same-device flow: where the wallet sends the user back, with response_code appended.</param>
    internal sealed record CreateRequest(string? Type, List<string>? Claims, string? Mode, string? RedirectUri);

    internal sealed record ResultRequest(string? TransactionId, string? ResponseCode);

    private static async Task<IResult> CreateAsync(CreateRequest? request, HttpContext http, CreatePresentationRequest create, IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (request is null || request.Mode is not (null or "full" or "age"))
        {
            return Problems.Validation("mode", "Either 'full' or 'age'.");
        }

        var claims = request.Mode == "age" ? ["age_over_19"] : request.Claims;
        var (created, field, problem) = await create.ExecuteAsync(Issuer.Of(http, options.Value), request.Type ?? "resident-id", claims, request.RedirectUri, ct);
        if (created is null)
        {
            return Problems.Validation(field!, problem!);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            id = created.Id,
            transactionId = created.TransactionId,
            authorizationRequest = created.Link,
            requestUri = created.RequestUri,
            clientId = created.ClientId,
            expiresAt = created.ExpiresAt,
        }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RequestObjectAsync(Guid id, HttpContext http, ServePresentationRequest serve, IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (await serve.ExecuteAsync(Issuer.Of(http, options.Value), id, ct) is not { } jwt)
        {
            return Problems.NotFound("No open presentation request has this id (answered or expired).");
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(jwt, "application/oauth-authz-req+jwt");
    }

    /// <summary>direct_post: application/x-www-form-urlencoded with vp_token and state, or error and state.</summary>
    private static async Task<IResult> ResponseAsync(Guid id, HttpContext http, AnswerPresentationRequest answer, IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return OAuthError.Of("invalid_request", "the response must be application/x-www-form-urlencoded (direct_post)");
        }

        var form = await http.Request.ReadFormAsync(ct);
        var error = form.TryGetValue("error", out var e) ? e.ToString() : null;
        var outcome = await answer.ExecuteAsync(Issuer.Of(http, options.Value), id, form["vp_token"].ToString(), form["state"].ToString(), error, ct);
        // A wallet's error response that was recorded is "successfully processed" (200); a refused presentation, or
        // anything that changed nothing (unknown, answered, wrong state), is an error to the wallet.
        if (!outcome.Recorded || (!outcome.Accepted && error is null))
        {
            return OAuthError.Of(outcome.Error!, outcome.Description!);
        }

        var body = new JsonObject();
        if (outcome.RedirectUri is { } redirect)
        {
            body["redirect_uri"] = redirect;
        }

        return OAuthError.Ok(body);
    }

    private static async Task<IResult> ResultAsync(Guid id, ResultRequest? request, ReadPresentationResult read, CancellationToken ct)
    {
        var outcome = await read.ExecuteAsync(id, request?.TransactionId, request?.ResponseCode, ct);
        return outcome.State switch
        {
            ReadPresentationResult.State.Pending => Results.Json(new { status = "pending" }),
            ReadPresentationResult.State.Answered => Results.Text(new JsonObject { ["status"] = "answered", ["result"] = outcome.Result }.ToJsonString(), "application/json"),
            ReadPresentationResult.State.ResponseCodeRequired => Problems.Forbidden("A same-device request's result needs the response_code from the wallet's redirect."),
            _ => Problems.NotFound("No presentation request with this id and transaction id (expired?)."),
        };
    }
}
