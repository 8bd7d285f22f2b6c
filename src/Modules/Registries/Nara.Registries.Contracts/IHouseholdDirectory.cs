namespace Nara.Registries.Contracts;

/// <summary>
/// What an application form may be prefilled with about the applicant: registered address and the
/// members of their household. Read-only and small; the caller records the purpose of every read.
/// </summary>
public interface IHouseholdDirectory
{
    Task<HouseholdSummary?> FindForResidentAsync(long residentId, CancellationToken cancellationToken);
}

/// <param name="AddressKo">The registered road-name address (도로명주소) in Korean.</param>
/// <param name="Members">Everyone registered in the household, the resident included, head first.</param>
public sealed record HouseholdSummary(
    long HouseholdId,
    string AddressKo,
    string AddressEn,
    string PostalCode,
    string DivisionCode,
    IReadOnlyList<HouseholdMemberSummary> Members);

/// <param name="Relation">Relation to the head of household: head, spouse, child, parent, grandchild, sibling or other.</param>
public sealed record HouseholdMemberSummary(long ResidentId, string NameKo, string NameEn, DateOnly BirthDate, string Relation);
