using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Credentials.Features;
using Nara.Kernel.Http;

namespace Nara.Credentials.Api;

/// <summary>
/// The verifier API for shops, banks and agencies: a presentation in, the verified disclosed claims or a precise
/// reason out. Nothing about the check is stored or logged (the privacy point of the module).
/// </summary>
internal static class VerifyEndpoints
{
    public const string ProblemBase = "https://nara.go.kr/problems/credentials/";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/credentials/verify", VerifyAsync).AllowAnonymous().RequireRateLimiting(AnonymousRateLimits.Verifications).DisableAntiforgery().WithTags("Credentials");
        endpoints.MapGet("/verify/scan.js", () => WalletEndpoints.Script("qr-scan.js")).AllowAnonymous().ExcludeFromDescription();
    }

    /// <param name="Presentation">The SD-JWT presentation: issuer JWT, disclosures and (when asked for) a KB-JWT.</param>
    /// <param name="Audience">The verifier's own identifier the KB-JWT must name; with <paramref name="Nonce"/>, key binding is required.</param>
    internal sealed record VerifyRequest(string? Presentation, string? Audience, string? Nonce, string? Mode);

    private static async Task<IResult> VerifyAsync(VerifyRequest? request, VerifyPresentation verify, CancellationToken ct)
    {
        if (request?.Presentation is not { Length: > 0 and <= 64_000 } presentation)
        {
            return Problems.Validation("presentation", "Paste the presentation (at most 64,000 characters).");
        }

        if (request.Mode is not (null or "full" or "age"))
        {
            return Problems.Validation("mode", "Either 'full' or 'age'.");
        }

        var result = await verify.ExecuteAsync(presentation, request.Audience, request.Nonce, request.Mode == "age", ct);
        if (!result.Valid)
        {
            return Results.Problem(result.Reason, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Credential not accepted",
                type: ProblemBase + result.Code, extensions: new Dictionary<string, object?> { ["code"] = result.Code });
        }

        return Results.Text(new JsonObject
        {
            ["valid"] = true,
            ["issuer"] = result.Issuer,
            ["type"] = result.Vct,
            ["typeName"] = new JsonObject { ["ko"] = result.Type?.NameKo, ["en"] = result.Type?.NameEn },
            ["issuedAt"] = result.IssuedAt?.ToString("O"),
            ["expiresAt"] = result.ExpiresAt?.ToString("O"),
            ["status"] = result.Status,
            ["keyBound"] = result.KeyBound,
            ["disclosed"] = result.Disclosed,
        }.ToJsonString(), "application/json");
    }
}
