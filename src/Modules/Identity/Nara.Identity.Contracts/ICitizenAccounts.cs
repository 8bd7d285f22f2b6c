namespace Nara.Identity.Contracts;

/// <summary>
/// Read-only look-up of citizen accounts, for modules that act on a citizen an outside system names by account id
/// (the GovStack Registration API's <c>applicantId</c>). Officials' accounts are not citizens here.
/// </summary>
public interface ICitizenAccounts
{
    /// <summary>The citizen account with this id, or null when there is none (or it is an official's).</summary>
    Task<CitizenAccount?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The citizen account of a resident, created (without passkeys, so nobody can sign in with it yet) when they
    /// have none: for someone an agency serves at a counter, who enrols later and then finds the same account.
    /// Null when the registry has no such resident or the resident's account is an official's.
    /// </summary>
    Task<CitizenAccount?> EnsureForResidentAsync(long residentId, CancellationToken cancellationToken);
}

/// <param name="ResidentId">The person in the resident registry, when the account is linked to one.</param>
/// <param name="Disabled">A disabled account cannot sign in; nothing new should be done in its name.</param>
public sealed record CitizenAccount(Guid Id, long? ResidentId, bool Disabled);
