namespace Nara.Kernel.Security;

/// <summary>Claim types every module understands, whatever signed the person or client in.</summary>
public static class NaraClaims
{
    public const string Agency = "nara:agency";
    public const string Role = "nara:role";
    public const string Scope = "nara:scope";
    public const string ResidentId = "nara:resident";
    public const string ClientId = "nara:client";
    public const string ActorKind = "nara:actor";
}

public static class ActorKinds
{
    public const string Citizen = "citizen";
    public const string Official = "official";
    public const string AgencyClient = "agency-client";
}

public static class NaraRoles
{
    /// <summary>May browse base registries in the officials' workspace.</summary>
    public const string RegistryViewer = "registry-viewer";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";
}

public static class NaraPolicies
{
    public const string Official = "nara:official";
    public const string Citizen = "nara:citizen";
    public const string AgencyClient = "nara:agency-client";
    public const string RegistryViewer = "nara:registry-viewer";
    public const string Auditor = "nara:auditor";
}

public static class NaraSchemes
{
    public const string Cookie = "Nara.Cookie";
    public const string AgencyApiKey = "Nara.AgencyApiKey";

    /// <summary>
    /// Agency systems: forwards to OAuth bearer access tokens (the Identity module's OpenID provider), or to
    /// <see cref="AgencyApiKey"/> for the API keys still in use during the transition.
    /// </summary>
    public const string Agency = "Nara.Agency";
}
