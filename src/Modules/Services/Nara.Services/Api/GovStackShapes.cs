using Nara.Kernel.Localization;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Api;

/// <summary>The GovStack Registration BB <c>service</c> schema (id, serviceKey, name, version, type, …).</summary>
internal sealed record GovStackService(
    string Id,
    string ServiceKey,
    string Name,
    string Version,
    string Type,
    bool IsExecutable,
    bool IsClosed,
    string Description,
    IReadOnlyList<GovStackProperty> ServiceBody)
{
    /// <summary>The catalogue has no per-service versions yet; "1" until a service's form changes shape.</summary>
    public const string CatalogueVersion = "1";

    public static GovStackService From(ServiceDefinition s) => new(
        s.Slug,
        s.Slug,
        s.Name.Current,
        CatalogueVersion,
        "Public",
        s.AppliesOnline,
        false,
        s.Summary.Current,
        [
            new("agency", s.Agency),
            new("agencyName", Agencies.NameOf(s.Agency)),
            new("category", s.Category),
            new("lifeEvents", string.Join(',', s.LifeEvents)),
            new("channels", string.Join(',', s.Channels)),
            new("processingDays", s.ProcessingDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("fees", s.Fees.Current),
            new("legalBasis", s.LegalBasis.Current),
            new("bundle", string.Join(',', s.Bundle)),
            new("page", "/services/" + s.Slug),
        ]);
}

/// <summary>GovStack <c>ListOfProperties</c> item.</summary>
internal sealed record GovStackProperty(string Code, string Value);

/// <summary>GovStack <c>EFormListItem</c>; <see cref="GovStackEFormFull"/> adds the JSON Schema of the form.</summary>
internal sealed record GovStackEFormItem(string EFormId, string Name, string Description, string Version, bool Latest);

internal sealed record GovStackEFormFull(string EFormId, string Name, string Description, string Version, bool Latest, IDictionary<string, object?> Schema);

internal static class GovStackEForm
{
    public static GovStackEFormItem ListItem(ServiceDefinition s) =>
        new(s.Slug, Bilingual.L($"{s.Name.Ko} 신청서", $"{s.Name.En} application"), s.Summary.Current, GovStackService.CatalogueVersion, true);

    public static GovStackEFormFull From(ServiceDefinition s)
    {
        var item = ListItem(s);
        return new(item.EFormId, item.Name, item.Description, item.Version, item.Latest, FormSchema.Of(s.Form!, item.Name));
    }
}
