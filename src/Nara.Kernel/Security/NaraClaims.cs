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

    /// <summary>When the person proved who they are (Unix seconds); sessions end a fixed time after it.</summary>
    public const string AuthTime = "nara:auth_time";

    /// <summary>How they signed in: "passkey" or "demo".</summary>
    public const string AuthMethod = "nara:amr";
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

    /// <summary>Handles applications and cases of the agency.</summary>
    public const string Caseworker = "caseworker";

    /// <summary>Decides cases on an approval line.</summary>
    public const string Approver = "approver";

    /// <summary>Publishes datasets, notices and catalogue entries for the agency.</summary>
    public const string Publisher = "publisher";

    /// <summary>Issues and cancels disaster alerts for the agency's area.</summary>
    public const string AlertOperator = "alert-operator";

    /// <summary>Corrects and maintains base registry records the agency is responsible for.</summary>
    public const string RegistrySteward = "registry-steward";

    /// <summary>Suspends, reinstates and revokes the credentials the agency issued (e.g. the mobile ID at MOIS).</summary>
    public const string CredentialOfficer = "credential-officer";

    /// <summary>Manages the agency's officials: invites them, changes their roles, disables them.</summary>
    public const string Administrator = "administrator";

    /// <summary>Every role an agency administrator may grant, in display order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Caseworker, Approver, Publisher, AlertOperator, RegistrySteward, RegistryViewer, CredentialOfficer, Auditor, Administrator];
}

public static class NaraPolicies
{
    public const string Official = "nara:official";
    public const string Citizen = "nara:citizen";
    public const string AgencyClient = "nara:agency-client";
    public const string RegistryViewer = "nara:registry-viewer";
    public const string Auditor = "nara:auditor";

    /// <summary>An official whose agency is the page's {agency} route value (403 otherwise).</summary>
    public const string SameAgency = "nara:same-agency";

    /// <summary>An administrator of the page's {agency}.</summary>
    public const string AgencyAdministrator = "nara:agency-administrator";
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
