namespace Nara.Services.Domain.Catalogue;

/// <summary>
/// An application form as data: steps (one question group per page, as KRDS asks), each with typed
/// fields. Fields with <see cref="FormField.Prefill"/> are filled from registries and shown read-only
/// with their source.
/// </summary>
public sealed record FormDefinition(IReadOnlyList<FormStep> Steps);

public sealed record FormStep(string Id, LocalText Title, IReadOnlyList<FormField> Fields, LocalText? Hint = null);

/// <param name="Id">Field id, unique in the form, lower camel case (the answer's key).</param>
/// <param name="Type">One of <see cref="FieldTypes"/>.</param>
/// <param name="Prefill">A registry source (see <see cref="PrefillSources"/>); such a field is read-only.</param>
/// <param name="Options">Choices for <c>choice</c> fields.</param>
/// <param name="MaxLength">For text fields.</param>
/// <param name="Min">For number fields (or days from today for dates, negative = past).</param>
/// <param name="Pattern">A regular expression the whole value must match.</param>
/// <param name="Accept">For <c>file</c>: allowed content types.</param>
public sealed record FormField(
    string Id,
    LocalText Label,
    string Type,
    bool Required = true,
    LocalText? Hint = null,
    string? Prefill = null,
    IReadOnlyList<FormOption>? Options = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Pattern = null,
    IReadOnlyList<string>? Accept = null);

public sealed record FormOption(string Value, LocalText Label);

public static class FieldTypes
{
    public const string Text = "text";
    public const string LongText = "longtext";
    public const string Number = "number";
    public const string Money = "money";
    public const string Date = "date";
    public const string Choice = "choice";
    public const string YesNo = "yesno";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string BankAccount = "bankAccount";
    public const string File = "file";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Text, LongText, Number, Money, Date, Choice, YesNo, Email, Phone, BankAccount, File,
    };
}

/// <summary>
/// Where a prefilled value comes from. Each maps to an attribute of a registry service of the Exchange
/// (see <c>PrefillThroughExchange</c>), so every lookup is consent-checked and logged.
/// </summary>
public static class PrefillSources
{
    public const string ResidentName = "resident.name";
    public const string ResidentBirthDate = "resident.birthDate";
    public const string ResidentAddress = "resident.address";
    public const string ResidentRegion = "resident.region";
    public const string HouseholdSize = "household.size";
    public const string HouseholdMembers = "household.members";
}
