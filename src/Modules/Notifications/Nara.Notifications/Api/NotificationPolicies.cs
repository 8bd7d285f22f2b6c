using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Security;

namespace Nara.Notifications.Api;

/// <summary>Who may use the Notifications APIs: agency systems by scope (API key or OAuth client credentials), officials of the owning agency.</summary>
internal static class NotificationPolicies
{
    public const string Send = "nara:notifications-send";
    public const string Templates = "nara:notifications-templates";
    public const string Administer = "nara:notifications-administer";

    /// <summary>Officials who write what the agency sends: publishers and agency administrators.</summary>
    public const string TemplateEditors = "nara:notifications-template-editors";

    public const string SendScope = "notifications:send";
    public const string TemplatesScope = "notifications:templates:write";

    public static void Add(IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Send, p => p
                .AddAuthenticationSchemes(NaraSchemes.Agency)
                .RequireClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient)
                .RequireAssertion(c => HasScope(c.User, SendScope)))
            .AddPolicy(Templates, p => p
                .AddAuthenticationSchemes(NaraSchemes.Agency, NaraSchemes.Cookie)
                .RequireAssertion(c => IsTemplateEditor(c.User)
                    || (c.User.HasClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient) && HasScope(c.User, TemplatesScope))))
            .AddPolicy(TemplateEditors, p => p
                .AddAuthenticationSchemes(NaraSchemes.Cookie)
                .RequireAssertion(c => IsTemplateEditor(c.User)))
            .AddPolicy(Administer, p => p
                .AddAuthenticationSchemes(NaraSchemes.Cookie)
                .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
                .RequireClaim(NaraClaims.Role, NaraRoles.Administrator));

    private static bool IsTemplateEditor(ClaimsPrincipal user) =>
        user.HasClaim(NaraClaims.ActorKind, ActorKinds.Official)
        && (user.HasClaim(NaraClaims.Role, NaraRoles.Publisher) || user.HasClaim(NaraClaims.Role, NaraRoles.Administrator));

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll(NaraClaims.Scope).Any(c => c.Value == scope || c.Value == "notifications:*");
}
