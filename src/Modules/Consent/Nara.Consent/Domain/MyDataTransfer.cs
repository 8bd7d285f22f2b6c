namespace Nara.Consent.Domain;

/// <summary>
/// A citizen's MyData transfer request (전송요구): which registry data, to which registered recipient, once or
/// monthly until an end date, under a consent record of the recipient's data agreement. The recipient collects
/// each period's data with its client credentials (see the module README for why pull).
/// </summary>
internal sealed class MyDataTransfer
{
    public Guid Id { get; set; }

    public required string IndividualId { get; set; }

    public required string RecipientClientId { get; set; }

    public required string RecipientName { get; set; }

    public required string RecipientAgency { get; set; }

    /// <summary>resident | household (<see cref="MyDataDatasets"/>).</summary>
    public List<string> Datasets { get; set; } = [];

    /// <summary>once | monthly.</summary>
    public required string Schedule { get; set; }

    /// <summary>Monthly transfers: no period starts after this (UTC).</summary>
    public DateTimeOffset? EndsAt { get; set; }

    public Guid DataAgreementId { get; set; }

    public Guid ConsentRecordId { get; set; }

    /// <summary>active | ended | withdrawn.</summary>
    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the scheduler next makes a period's data available; null when no more will be.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public int Periods { get; set; }
}

/// <summary>One period of a transfer: made available by the scheduler, collected (once) by the recipient.</summary>
internal sealed class MyDataPackage
{
    public Guid Id { get; set; }

    public Guid TransferId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset AvailableAt { get; set; }

    public DateTimeOffset? CollectedAt { get; set; }

    /// <summary>Cancelled by a withdrawal before the recipient collected it.</summary>
    public bool Cancelled { get; set; }
}

internal static class MyDataDatasets
{
    public const string Resident = "resident";
    public const string Household = "household";
    public static readonly IReadOnlyList<string> All = [Resident, Household];
}

internal static class MyDataSchedules
{
    public const string Once = "once";
    public const string Monthly = "monthly";
}

internal static class MyDataTransferStates
{
    public const string Active = "active";
    public const string Ended = "ended";
    public const string Withdrawn = "withdrawn";
}
