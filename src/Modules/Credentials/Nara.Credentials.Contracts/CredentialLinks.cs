namespace Nara.Credentials.Contracts;

/// <summary>
/// Where other modules' pages send a citizen for a credential: the addresses are Credentials' to choose, so they live
/// here rather than as strings in the linking module.
/// </summary>
public static class CredentialLinks
{
    /// <summary>
    /// The page where the applicant gets a decided case's letter as a verifiable credential (into the web wallet or a
    /// wallet app). Only the applicant sees it; the letter appears there once Credentials has recorded the decision.
    /// </summary>
    public static string DecisionLetter(Guid caseId) => $"/my/wallet/decision-letters/{caseId:D}";
}
