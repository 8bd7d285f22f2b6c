using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Credentials.Contracts;
using Nara.Credentials.Features;
using Nara.Credentials.Oid4vci;
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
        my.MapPost("/certificates/{type}", IssueCertificateAsync);
        my.MapPost("/{id:guid}/status", ChangeStatusAsync);
        my.MapPost("/offers", OfferAsync);
        my.MapPost("/suspend-all", SuspendAllAsync);
        my.MapGet("/decision-letters", ListLettersAsync);
        my.MapPost("/decision-letters/{caseId:guid}", IssueLetterAsync);
    }

    /// <param name="Type">The credential_configuration_id (a credential type id, e.g. resident-id).</param>
    /// <param name="TxCode">Bind the offer to a 6-digit transaction code (default true); false for a code-only offer.</param>
    internal sealed record OfferRequest(string? Type, bool? TxCode);

    /// <summary>An OpenID4VCI credential offer for the citizen's own third-party wallet (pre-authorized code).</summary>
    private static async Task<IResult> OfferAsync(OfferRequest? request, ClaimsPrincipal user, HttpContext http, CreateCredentialOffer create,
        IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (Callers.Resident(user) is not { } resident)
        {
            return Problems.Forbidden("Your account is not linked to a registered resident.");
        }

        var created = await create.ExecuteAsync(resident, request?.Type, request?.TxCode ?? true, Callers.Citizen(user), ct);
        if (created is null)
        {
            return Problems.Validation("type", "A credential type this issuer offers to wallets (see /.well-known/openid-credential-issuer).");
        }

        var issuer = Issuer.Of(http, options.Value);
        var offer = IssuerMetadata.Offer(issuer, created.ConfigurationId, created.PreAuthorizedCode, created.TxCode is not null);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            id = created.Id,
            type = created.ConfigurationId,
            credentialOffer = JsonSerializer.Deserialize<JsonElement>(offer.ToJsonString()),
            offerLink = IssuerMetadata.OfferLink(offer),
            credentialOfferUri = IssuerMetadata.OfferUri(issuer, created.PreAuthorizedCode),
            offerByReferenceLink = IssuerMetadata.OfferByReferenceLink(issuer, created.PreAuthorizedCode),
            txCode = created.TxCode,
            expiresAt = created.ExpiresAt,
        }, statusCode: StatusCodes.Status201Created);
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

    /// <summary>An e-certificate of <paramref name="type"/> (see <c>GET /api/credentials/types</c>) about the signed-in citizen.</summary>
    private static async Task<IResult> IssueCertificateAsync(string type, IssueRequest? request, ClaimsPrincipal user, HttpContext http, IssueCertificate issue,
        IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (Callers.Resident(user) is not { } resident)
        {
            return Problems.Forbidden("Your account is not linked to a registered resident.");
        }

        if (!IssueCertificate.Types.Any(t => t.Id == type))
        {
            return Problem(StatusCodes.Status404NotFound, "unknown-type", "No such certificate type",
                $"Nara issues these certificates here: {string.Join(", ", IssueCertificate.Types.Select(t => t.Id))} (the mobile ID at /api/credentials/my/resident-id).");
        }

        var jwk = request?.HolderJwk is { ValueKind: JsonValueKind.Object } element ? JsonNode.Parse(element.GetRawText()) as JsonObject : null;
        using var key = Es256.FromJwk(jwk);
        if (key is null)
        {
            return Problems.Validation("holderJwk", "A public P-256 key as a JWK (kty EC, crv P-256, x, y).");
        }

        var result = await issue.ExecuteAsync(resident, type, Es256.PublicJwk(key), Issuer.Of(http, options.Value), options.Value.Validity, Callers.Citizen(user), ct);
        return result.Outcome switch
        {
            IssueCertificate.Outcome.Issued => Results.Json(
                new { id = result.Id, type = result.Type!.Id, format = "dc+sd-jwt", credential = result.Credential!.Compact }, statusCode: StatusCodes.Status201Created),
            IssueCertificate.Outcome.NoRecord => Problem(StatusCodes.Status404NotFound, "no-record", "No record to certify",
                $"The registries hold no record for a {result.Type!.NameEn.ToLowerInvariant()} about you ({result.Type.NameKo}: 해당 기록이 없습니다); nothing was issued."),
            IssueCertificate.Outcome.NotRegistered => Problems.NotFound("No registered resident was found for your account."),
            IssueCertificate.Outcome.UnknownType => Problem(StatusCodes.Status404NotFound, "unknown-type", "No such certificate type", "No such certificate type."),
            _ => Problem(StatusCodes.Status503ServiceUnavailable, "registry-unavailable", "Registry unavailable",
                $"The registry could not be read through the information mediator ({result.Detail}); nothing was issued. Try again later."),
        };
    }

    private static IResult Problem(int status, string code, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title, type: VerifyEndpoints.ProblemBase + code,
            extensions: new Dictionary<string, object?> { ["code"] = code });

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
