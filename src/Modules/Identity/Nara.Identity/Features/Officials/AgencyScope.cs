using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Kernel.Security;

namespace Nara.Identity.Features.Officials;

/// <summary>
/// An official may open a page only for their own agency: the page's {agency} route value must equal their
/// agency claim, and, when <see cref="Role"/> is set, they must hold that role there.
/// </summary>
internal sealed class AgencyScopeRequirement(string? role) : IAuthorizationRequirement
{
    public string? Role { get; } = role;
}

internal sealed class AgencyScopeHandler : AuthorizationHandler<AgencyScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AgencyScopeRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var agency = http?.GetRouteValue("agency") as string;
        var user = context.User;
        if (agency is { Length: > 0 }
            && user.HasClaim(NaraClaims.ActorKind, ActorKinds.Official)
            && user.HasClaim(c => c.Type == NaraClaims.Agency && string.Equals(c.Value, agency, StringComparison.OrdinalIgnoreCase))
            && (requirement.Role is null || user.HasClaim(NaraClaims.Role, requirement.Role)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
