using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Identity.Data;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Identity.Features.AgencyClients;

/// <summary>
/// Signs in an agency system by its API key, sent as <c>Authorization: Bearer nara_…</c> (the GovStack
/// apiKey header) or <c>X-Api-Key</c>. Unknown, malformed and revoked keys are all refused alike, so a
/// caller learns nothing about which keys exist.
/// </summary>
internal sealed class AgencyApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IdentityDbContext db,
    AgencyKeyCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>
    /// For the <see cref="NaraSchemes.Agency"/> policy scheme: a request that carries an API key (X-Api-Key, or a
    /// bearer value shaped nara_…) goes to this handler, anything else to OAuth access-token validation.
    /// </summary>
    public static string SchemeFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = ReadKey(context.Request);
        return key is not null && (context.Request.Headers.ContainsKey(HeaderName) || key.StartsWith("nara_", StringComparison.Ordinal))
            ? NaraSchemes.AgencyApiKey
            : OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var prefix = ApiKeys.PrefixOf(key);
        if (prefix is null)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var client = cache.Find(prefix) ?? await FindLiveAsync(prefix);
        if (client is null || !ApiKeys.Matches(key, client.KeyHash))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        List<Claim> claims =
        [
            new(NaraClaims.ActorKind, ActorKinds.AgencyClient),
            new(NaraClaims.ClientId, client.Id),
            new(NaraClaims.Agency, client.AgencyCode),
            new(ClaimTypes.Name, client.Name),
        ];
        claims.AddRange(client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(NaraClaims.Scope, s)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, NaraClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private async Task<CachedAgencyClient?> FindLiveAsync(string prefix)
    {
        var row = await db.AgencyClients.AsNoTracking()
            .Where(c => c.KeyPrefix == prefix && c.RevokedAt == null)
            .Select(c => new CachedAgencyClient(c.Id, c.AgencyCode, c.Name, c.KeyHash, c.Scopes))
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (row is not null)
        {
            cache.Keep(prefix, row);
        }

        return row;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            "A valid agency API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            type: ProblemTypes.Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Problems.Forbidden("This agency client may not use this API.").ExecuteAsync(Context);

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } apiKey])
        {
            return apiKey.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}
