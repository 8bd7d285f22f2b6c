namespace Nara.Registries.Domain;

/// <summary>
/// The contact details a resident registered (연락처): where the government sends them codes and notices.
/// Kept beside the resident, not in it, because most records have none and the bulk-loaded resident table
/// stays lean; in the demo only the personas have contacts.
/// </summary>
internal sealed class ResidentContact
{
    public long ResidentId { get; set; }

    /// <summary>Korean mobile number, digits only ("01012345678").</summary>
    public string? MobilePhone { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
