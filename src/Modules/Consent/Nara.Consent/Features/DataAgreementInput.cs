using System.Text.RegularExpressions;
using Nara.Consent.Api;
using Nara.Consent.Contracts;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

internal sealed record DataAgreementInput(
    ControllerShape? Controller, string? Policy, string? Purpose, string? PurposeKo, string? PurposeCode, string? LawfulBasis,
    string? DataUse, string? Dpia, bool? Active, bool? Forgettable, string? Lifecycle, IReadOnlyList<AttributeShape>? DataAttributes,
    IReadOnlyList<string>? Recipients, string? Delivery, int? DeliveryIntervalDays, int? ValidityDays, int? RetentionDays);

/// <summary>Field-by-field checks of a data agreement, with the message a client can act on.</summary>
internal static partial class DataAgreementRules
{
    public static Dictionary<string, string[]> Validate(DataAgreementInput? input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input is null)
        {
            errors["body"] = ["A data agreement object is required."];
            return errors;
        }

        Check(errors, "purpose", input.Purpose is { Length: > 0 and <= 1000 } && !string.IsNullOrWhiteSpace(input.Purpose), "Required, at most 1000 characters.");
        Check(errors, "purposeKo", input.PurposeKo is { Length: > 0 and <= 1000 } && !string.IsNullOrWhiteSpace(input.PurposeKo), "Required (the purpose in Korean), at most 1000 characters.");
        Check(errors, "purposeCode", input.PurposeCode is not null && Code().IsMatch(input.PurposeCode), "Required: lower-case letters, digits and '-', at most 100.");
        Check(errors, "lawfulBasis", input.LawfulBasis is not null && LawfulBases.All.Contains(input.LawfulBasis), $"One of {string.Join(", ", LawfulBases.All)}.");
        Check(errors, "dataUse", input.DataUse is null or "data-source" or "data-using-service", "data-source or data-using-service.");
        Check(errors, "lifecycle", input.Lifecycle is null or DataAgreementLifecycles.Draft or DataAgreementLifecycles.Complete, "draft or complete.");
        Check(errors, "delivery", input.Delivery is null or ConsentDelivery.OneTime or ConsentDelivery.Periodic, "one-time or periodic.");
        Check(errors, "deliveryIntervalDays", input.Delivery == ConsentDelivery.Periodic ? input.DeliveryIntervalDays is >= 1 and <= 366 : input.DeliveryIntervalDays is null,
            "Between 1 and 366 for periodic delivery; absent for one-time delivery.");
        Check(errors, "validityDays", input.ValidityDays is null or (>= 1 and <= 3650), "Between 1 and 3650 days, or absent (until withdrawn).");
        Check(errors, "retentionDays", input.RetentionDays is null or (>= 0 and <= 36_500), "Between 0 and 36500 days.");
        Check(errors, "dpia", input.Dpia is null or { Length: <= 500 }, "At most 500 characters.");
        Check(errors, "policy", input.Policy is null || Guid.TryParse(input.Policy, out _), "The id (UUID) of a policy.");
        Check(errors, "controller", input.Controller is null || (Recipient().IsMatch(input.Controller.Id ?? "") && input.Controller.Name is { Length: > 0 and <= 200 } && input.Controller.Url is null or { Length: <= 500 }),
            "id (agency code) and name are required.");
        Check(errors, "recipients", input.Recipients is { Count: > 0 and <= 20 } r && r.All(x => x is not null && Recipient().IsMatch(x)) && r.Distinct(StringComparer.Ordinal).Count() == r.Count,
            "1 to 20 distinct agency codes or client ids.");
        var attributes = input.DataAttributes;
        Check(errors, "dataAttributes", attributes is { Count: > 0 and <= 50 }
            && attributes.All(a => a is not null && Code().IsMatch(a.Name ?? "") && a.Description is { Length: > 0 and <= 300 } && a.DescriptionKo is null or { Length: <= 300 } && a.Category is { Length: > 0 and <= 60 })
            && attributes.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() == attributes.Count,
            "1 to 50 attributes with distinct names (lower-case letters, digits, '-'), a description and a category.");
        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors[field] = [message];
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:/._-]{0,99}$")]
    private static partial Regex Recipient();
}
