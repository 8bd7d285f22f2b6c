using Microsoft.AspNetCore.Authorization;
using Nara.Kernel.Security;

namespace Nara.Services.Api;

/// <summary>Who may call the GovStack Registration write side: agency systems holding the registration scope.</summary>
internal static class RegistrationPolicies
{
    public const string Registration = "services:registration";

    /// <summary>The API key (or OAuth client) scope an agency client needs.</summary>
    public const string Scope = "services:registration";

    public static void Add(AuthorizationBuilder builder) =>
        builder.AddPolicy(Registration, p => p
            .AddAuthenticationSchemes(NaraSchemes.Agency)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient)
            .RequireAssertion(c => c.User.FindAll(NaraClaims.Scope).Any(s => s.Value is Scope or "services:*")));
}
