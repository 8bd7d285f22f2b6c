namespace Nara.Registries.Contracts;

/// <summary>
/// The contact details on a resident's record, for delivering messages to that resident (Notifications).
/// Not for display or export: callers send to them and keep them only as long as delivery needs.
/// </summary>
public interface IResidentContacts
{
    /// <returns>Null when the resident has no contact on record (or does not exist).</returns>
    Task<ResidentContactDetails?> FindAsync(long residentId, CancellationToken cancellationToken);
}

/// <param name="MobilePhone">Digits only, e.g. "01012345678".</param>
public sealed record ResidentContactDetails(string? MobilePhone, string? Email);
