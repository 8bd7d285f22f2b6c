using Microsoft.AspNetCore.Authorization;
using Nara.Kernel.Security;

namespace Nara.Credentials.Api;

/// <summary>
/// Who may manage credentials. Least privilege: changing a credential's status needs the credential-officer role, and
/// the feature then allows only credentials the officer's own agency issued (MOIS for the mobile ID, the deciding
/// agency for a decision letter); rotating the issuer key needs an administrator of the platform agency.
/// </summary>
internal static class CredentialsPolicies
{
    public const string StatusOfficer = "credentials:status-officer";
    public const string PlatformAdministrator = "credentials:platform-administrator";

    public static void Add(AuthorizationBuilder builder, string platformAgency)
    {
        builder.AddPolicy(StatusOfficer, p => p
            .AddAuthenticationSchemes(NaraSchemes.Cookie)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
            .RequireClaim(NaraClaims.Role, NaraRoles.CredentialOfficer)
            .RequireClaim(NaraClaims.Agency));
        builder.AddPolicy(PlatformAdministrator, p => p
            .AddAuthenticationSchemes(NaraSchemes.Cookie)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
            .RequireClaim(NaraClaims.Role, NaraRoles.Administrator)
            .RequireClaim(NaraClaims.Agency, platformAgency));
    }
}
