namespace Nara.Registries.Contracts;

/// <summary>Read access to the resident registry for other modules. Never hands out whole records.</summary>
public interface IResidentDirectory
{
    Task<ResidentSummary?> FindByResidentNumberAsync(string residentNumber, CancellationToken cancellationToken);

    Task<ResidentSummary?> FindByIdAsync(long residentId, CancellationToken cancellationToken);

    /// <summary>What an identity document shows, the registered address included, in one read (the mobile ID is issued on it).</summary>
    Task<ResidentCard?> FindCardAsync(long residentId, CancellationToken cancellationToken);
}

/// <param name="DivisionCode">The 읍면동 of the registered address.</param>
public sealed record ResidentSummary(
    long Id,
    string NameKo,
    string NameEn,
    DateOnly BirthDate,
    string Nationality,
    long HouseholdId,
    string DivisionCode);

/// <param name="DivisionCode">The 읍면동 of the registered address.</param>
/// <param name="ResidentNumber">주민등록번호 as registered (<c>######-#######</c>): an ID card states it; its holder decides who sees it.</param>
public sealed record ResidentCard(
    long Id,
    string NameKo,
    string NameEn,
    DateOnly BirthDate,
    string Nationality,
    string DivisionCode,
    string AddressKo,
    string AddressEn,
    string PostalCode,
    string ResidentNumber);
