using Microsoft.AspNetCore.Authorization;
using Nara.Kernel.Security;

namespace Nara.Consent.Api;

/// <summary>Who may call which part of the Consent BB API.</summary>
internal static class ConsentPolicies
{
    /// <summary>config/*: officials with the administrator role (of their agency, or of the platform agency for all).</summary>
    public const string Administrator = "consent:administrator";

    /// <summary>service/individual/*: a signed-in citizen for themselves, or an agency client acting for an individual.</summary>
    public const string Individual = "consent:individual";

    /// <summary>service/verification/*: agency systems that must check consent before using data.</summary>
    public const string Verification = "consent:verification";

    /// <summary>Signing key rotation: administrators of the platform agency only.</summary>
    public const string PlatformAdministrator = "consent:platform-administrator";

    /// <summary>MyData recipients collecting transfers: OAuth clients with the mydata.receive scope.</summary>
    public const string MyDataRecipient = "consent:mydata-recipient";

    /// <summary>Scope an agency client needs to act for individuals.</summary>
    public const string IndividualScope = "consent:individual";

    /// <summary>Scope an agency client needs to verify consent records.</summary>
    public const string VerifyScope = "consent:verify";

    public static void Add(AuthorizationBuilder builder, string platformAgency)
    {
        builder.AddPolicy(PlatformAdministrator, p => p
            .AddAuthenticationSchemes(NaraSchemes.Cookie)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
            .RequireClaim(NaraClaims.Role, NaraRoles.Administrator)
            .RequireClaim(NaraClaims.Agency, platformAgency));
        builder.AddPolicy(Administrator, p => p
            .AddAuthenticationSchemes(NaraSchemes.Cookie)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
            .RequireClaim(NaraClaims.Role, NaraRoles.Administrator));
        builder.AddPolicy(MyDataRecipient, p => p
            .AddAuthenticationSchemes(NaraSchemes.Agency)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient)
            .RequireAssertion(c => c.User.HasClaim(NaraClaims.Scope, Identity.Contracts.MyDataScopes.ReceiveClaim)));
        builder.AddPolicy(Individual, p => p
            .AddAuthenticationSchemes(NaraSchemes.Cookie, NaraSchemes.Agency)
            .RequireAssertion(c => c.User.HasClaim(NaraClaims.ActorKind, ActorKinds.Citizen)
                || (c.User.HasClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient) && HasScope(c, IndividualScope))));
        builder.AddPolicy(Verification, p => p
            .AddAuthenticationSchemes(NaraSchemes.Agency)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient)
            .RequireAssertion(c => HasScope(c, VerifyScope)));
    }

    private static bool HasScope(AuthorizationHandlerContext c, string scope) =>
        c.User.FindAll(NaraClaims.Scope).Any(s => s.Value == scope || s.Value == "consent:*");
}
