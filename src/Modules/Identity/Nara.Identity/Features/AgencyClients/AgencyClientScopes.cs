using System.Text.RegularExpressions;

namespace Nara.Identity.Features.AgencyClients;

/// <summary>The syntax of client identifiers and scopes, checked when a client is registered.</summary>
internal static partial class AgencyClientScopes
{
    /// <summary>INSTANCE/CLASS/MEMBER/SUBSYSTEM, as the GovStack Information-Mediator-Client header.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+$")]
    public static partial Regex ClientId();

    /// <summary>"area:resource:action", e.g. "registries:residents:read" or "registries:*:write".</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]*(:([a-z][a-z0-9-]*|\\*))+$")]
    public static partial Regex Scope();

    [GeneratedRegex("^[A-Za-z0-9]{2,20}$")]
    public static partial Regex AgencyCode();

    public static IReadOnlyList<string> Split(string scopes) => scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
