namespace Nara.Identity.Features.Oidc;

/// <summary>How long tokens live. Short access tokens, so a leaked one is worth little; refresh tokens roll.</summary>
internal static class OidcLifetimes
{
    public static readonly TimeSpan AuthorizationCode = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AccessToken = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan IdentityToken = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan RefreshToken = TimeSpan.FromDays(14);
}
