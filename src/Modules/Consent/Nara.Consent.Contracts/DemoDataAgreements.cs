namespace Nara.Consent.Contracts;

/// <summary>
/// Data agreements seeded at every start (idempotent), with fixed ids so Services and Exchange can name
/// them: the once-only prefill of applications from the base registries.
/// </summary>
public static class DemoDataAgreements
{
    /// <summary>Resident registration (name, birth date, address) for prefilling applications.</summary>
    public static readonly Guid ResidentRegistration = new("6e61726a-0001-4c00-8000-000000000001");

    /// <summary>Household composition for prefilling applications.</summary>
    public static readonly Guid Household = new("6e61726a-0001-4c00-8000-000000000002");

    /// <summary>Income on record, for means-tested services.</summary>
    public static readonly Guid Income = new("6e61726a-0001-4c00-8000-000000000003");

    /// <summary>The purpose code every prefill agreement carries.</summary>
    public const string PrefillPurpose = "once-only-prefill";
}
