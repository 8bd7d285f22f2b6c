namespace Nara.Registries.Contracts;

/// <summary>
/// The same facts as <see cref="IBenefitFacts"/>, for the whole population (or some households) at once,
/// as columns: Eligibility's whole-population matching reads a million residents in one pass instead of
/// a million small queries. Read-only; nothing guessed. Also the dated facts due-date notices need
/// (driver licence renewal, passport expiry, vehicle inspections).
/// </summary>
public interface IPopulationFacts
{
    /// <param name="householdIds">Only these households (an incremental run); null for everyone.</param>
    Task<PopulationColumns> ReadAsync(DateOnly asOf, IReadOnlyCollection<long>? householdIds, CancellationToken cancellationToken);

    /// <summary>The households the residents live in (for registry changes that name a resident).</summary>
    Task<IReadOnlyList<long>> HouseholdsOfAsync(IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken);
}

/// <summary>
/// Households in id order, each with its members contiguous in the person columns
/// (<see cref="FirstMember"/>[h] .. <see cref="FirstMember"/>[h + 1]). Column i of a person array is one
/// resident. Dates are <see cref="DateOnly.DayNumber"/>; 0 means "none".
/// </summary>
public sealed class PopulationColumns
{
    public required long[] HouseholdId { get; init; }

    /// <summary>Length households + 1.</summary>
    public required int[] FirstMember { get; init; }

    public required bool[] SingleParent { get; init; }

    /// <summary>-1 when the household was never assessed.</summary>
    public required long[] RecognisedIncome { get; init; }

    public required bool[] ReceivesMedicalBenefit { get; init; }

    public required bool[] PaysRent { get; init; }

    /// <summary>The 시도 code (2 digits) of the household's address, for figures by region.</summary>
    public required string[] Region { get; init; }

    public required long[] ResidentId { get; init; }

    public required int[] Birth { get; init; }

    public required bool[] Female { get; init; }

    public required bool[] Married { get; init; }

    public required bool[] DisabilitySevere { get; init; }

    public required bool[] RegisteredJobseeker { get; init; }

    public required bool[] InDaycare { get; init; }

    /// <summary>1 for its mother's first child…; 0 when no mother is registered.</summary>
    public required int[] BirthOrder { get; init; }

    /// <summary>The household head (세대주).</summary>
    public required bool[] Head { get; init; }

    public required int[] LicenceRenewalDue { get; init; }

    public required int[] PassportExpires { get; init; }

    /// <summary>Vehicles by owner: person column index, first registration day, last inspection day (0 = none).</summary>
    public required IReadOnlyList<(int Owner, long VehicleId, int FirstRegistered, int LastInspection)> Vehicles { get; init; }

    public int Households => HouseholdId.Length;

    public int Persons => ResidentId.Length;
}
