using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Credentials.Features;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Kernel.Pdf;

namespace Nara.Credentials.Api;

/// <summary>
/// The web wallet's non-page resources: the certificate PDF (the citizen's own credential only), and the web app
/// manifest, service worker and script that make the wallet installable (public: browsers fetch manifests without
/// cookies, and they hold nothing personal).
/// </summary>
internal static class WalletEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/my/wallet/{id:guid}/pdf", PdfAsync).RequireAuthorization(NaraPolicies.Citizen).WithTags("Credentials");
        endpoints.MapGet("/my/wallet/manifest.webmanifest", Manifest).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/my/wallet/sw.js", (HttpContext http) =>
        {
            // The worker lives at /my/wallet/sw.js but must also control /my/wallet itself (no trailing slash).
            http.Response.Headers["Service-Worker-Allowed"] = "/my/wallet";
            return Script("sw.js");
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/my/wallet/wallet.js", () => Script("wallet.js")).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> PdfAsync(Guid id, HttpContext http, ClaimsPrincipal user, PrintCertificate print, IOptions<CredentialsOptions> options, CancellationToken ct)
    {
        if (Callers.Resident(user) is not { } resident)
        {
            return Problems.NotFound("You hold no credential with that id.");
        }

        var claims = http.Request.Query["claim"].OfType<string>().ToList();
        if (claims.Count > 32 || claims.Any(c => c.Length > 64))
        {
            return Problems.Validation("claim", "At most 32 claim names.");
        }

        var (outcome, pdf) = await print.ExecuteAsync(resident, id, claims, Issuer.Of(http, options.Value), ct);
        return outcome switch
        {
            PrintCertificate.Outcome.Rendered => Results.File(pdf!, "application/pdf", $"nara-certificate-{id:N}.pdf"),
            PrintCertificate.Outcome.NotPresentable => Problems.Conflict("The credential is expired, revoked or suspended; it cannot be printed."),
            PrintCertificate.Outcome.UnknownClaim => Problems.Validation("claim", "Only claims the credential holds."),
            PrintCertificate.Outcome.TooBigForQr => Problems.Validation("claim", "Too many items for one QR code: tick fewer items and try again."),
            PrintCertificate.Outcome.NoFont => Results.Problem(
                PdfServiceCollectionExtensions.MissingFont.En,
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF certificates are unavailable"),
            _ => Problems.NotFound("You hold no credential with that id."),
        };
    }

    private static IResult Manifest() => Results.Text(new JsonObject
    {
        ["name"] = "나라 전자지갑 (Nara wallet)",
        ["short_name"] = "나라 지갑",
        ["lang"] = "ko",
        ["start_url"] = "/my/wallet",
        ["scope"] = "/my/wallet",
        ["display"] = "standalone",
        ["background_color"] = "#ffffff",
        ["theme_color"] = "#003675",
        ["icons"] = new JsonArray(new JsonObject { ["src"] = "/lib/krds/img/component/favicon/favicon.svg", ["sizes"] = "any", ["type"] = "image/svg+xml" }),
    }.ToJsonString(), "application/manifest+json");

    internal static IResult Script(string name)
    {
        using var stream = typeof(WalletEndpoints).Assembly.GetManifestResourceStream("Nara.Credentials.Wallet." + name)!;
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), "text/javascript");
    }
}
