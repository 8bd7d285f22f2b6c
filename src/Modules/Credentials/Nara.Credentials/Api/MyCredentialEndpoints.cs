using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Credentials.Contracts;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Credentials.Api;

/// <summary>
/// The signed-in citizen's own credentials: receive the mobile ID bound to a key their wallet holds (the wallet sends
/// the public JWK), and suspend, reinstate or revoke one (a lost phone). Every change is audited.
/// </summary>
internal static class MyCredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var my = endpoints.MapGroup("/api/credentials/my").RequireAuthorization(NaraPolicies.Citizen).WithTags("Credentials");
        my.MapPost("/resident-id", IssueAsync);
        my.MapPost("/{id:guid}/status", ChangeStatusAsync);
        my.MapPost("/suspend-all", SuspendAllAsync);
        my.MapGet("/decision-letters", ListLettersAsync);
        my.MapPost("/decision-letters/{caseId:guid}", IssueLetterAsync);
    }

    /// <param name="HolderJwk">The wallet's public P-256 key as a JWK; the credential is bound to it (cnf.jwk).</param>
    internal sealed record IssueRequest(JsonElement? HolderJwk);

    internal sealed record StatusRequest(string? Status, string? Reason);

    private static async Task<IResult> IssueAsync(IssueRequest? request, ClaimsPrincipal user, HttpContext http, IssueResidentId issue,
        IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (Callers.Resident(user) is not { } resident)
        {
            return NotLinked();
        }

        using var key = HolderKey(request);
        if (key is null)
        {
            return BadHolderKey();
        }

        var issued = await issue.ExecuteAsync(resident, Es256.PublicJwk(key), Issuer.Of(http, options.Value), options.Value.Validity, Callers.Citizen(user), ct);
        if (issued is not { } result)
        {
            return Problems.NotFound("No registered resident was found for your account.");
        }

        return Created(result.Id, result.Credential);
    }

    private static async Task<IResult> ChangeStatusAsync(Guid id, StatusRequest? request, ClaimsPrincipal user, ChangeCredentialStatus change, CancellationToken ct)
    {
        if (Callers.Resident(user) is not { } resident)
        {
            return NotLinked();
        }

        if (ChangeCredentialStatus.Parse(request?.Status) is not { } status)
        {
            return Problems.Validation("status", "One of: suspended, valid, revoked.");
        }

        var reason = request!.Reason is { Length: > 0 } r ? r[..Math.Min(r.Length, 200)] : "requested by the holder";
        return await change.ExecuteAsync(id, status, reason, ChangeCredentialStatus.Scope.Owner(resident), Callers.Citizen(user), ct) switch
        {
            ChangeCredentialStatus.Result.Changed => Results.Ok(new { id, status = request.Status }),
            ChangeCredentialStatus.Result.AlreadyRevoked => Problems.Conflict("The credential is revoked; a revoked credential cannot change again."),
            _ => Problems.NotFound("You hold no credential with that id."),
        };
    }

    /// <summary>A lost phone: every valid credential suspended at once (reinstate them one by one later).</summary>
    private static async Task<IResult> SuspendAllAsync(ClaimsPrincipal user, SuspendAllCredentials suspendAll, CancellationToken ct)
    {
        if (Callers.Resident(user) is not { } resident)
        {
            return NotLinked();
        }

        var suspended = await suspendAll.ExecuteAsync(resident, Callers.Citizen(user), ct);
        return Results.Ok(new { suspended = suspended.Count, ids = suspended });
    }

    private static async Task<IResult> ListLettersAsync(ClaimsPrincipal user, IssueDecisionLetter letters, CancellationToken ct)
    {
        if (Callers.Account(user) is not { } account)
        {
            return NotLinked();
        }

        var list = await letters.ListAsync(account, ct);
        return Results.Ok(list.Select(l => new
        {
            caseId = l.CaseId, service = new { id = l.ServiceSlug, ko = l.ServiceNameKo, en = l.ServiceNameEn }, agency = l.Agency,
            decision = l.Decision, decidedAt = l.DecidedAt, collected = l.CollectedAt is not null,
        }));
    }

    private static async Task<IResult> IssueLetterAsync(Guid caseId, IssueRequest? request, ClaimsPrincipal user, HttpContext http, IssueDecisionLetter issue,
        IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (Callers.Resident(user) is not { } resident || Callers.Account(user) is not { } account)
        {
            return NotLinked();
        }

        using var key = HolderKey(request);
        if (key is null)
        {
            return BadHolderKey();
        }

        var issued = await issue.ExecuteAsync(caseId, account, resident, user.FindFirstValue(ClaimTypes.Name), Es256.PublicJwk(key),
            Issuer.Of(http, options.Value), options.Value.Validity, Callers.Citizen(user), ct);
        return issued is { } result ? Created(result.Id, result.Credential) : Problems.NotFound("You have no decided application with that case id.");
    }

    /// <summary>Only the JWK's public members are used, whatever else was sent.</summary>
    private static System.Security.Cryptography.ECDsa? HolderKey(IssueRequest? request) =>
        Es256.FromJwk(request?.HolderJwk is { ValueKind: JsonValueKind.Object } element ? JsonNode.Parse(element.GetRawText()) as JsonObject : null);

    private static IResult BadHolderKey() => Problems.Validation("holderJwk", "A public P-256 key as a JWK (kty EC, crv P-256, x, y).");

    private static IResult NotLinked() => Problems.Forbidden("Your account is not linked to a registered resident.");

    private static IResult Created(Guid id, IssuedSdJwt credential) =>
        Results.Json(new { id, format = "dc+sd-jwt", credential = credential.Compact }, statusCode: StatusCodes.Status201Created);
}
