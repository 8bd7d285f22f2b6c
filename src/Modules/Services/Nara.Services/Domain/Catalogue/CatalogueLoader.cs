using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nara.Services.Domain.Catalogue;

/// <summary>
/// Reads the catalogue files embedded from <c>Catalogue/services/*.json</c> and refuses a catalogue
/// that is inconsistent (duplicate slugs, unknown categories, life events or field types, bundles
/// naming services that do not exist), so a bad data change fails at start and in tests, not in front
/// of a citizen.
/// </summary>
public static class CatalogueLoader
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<ServiceDefinition> LoadEmbedded()
    {
        var assembly = typeof(CatalogueLoader).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Catalogue.services.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, Read(assembly, n)));
        return Parse(files);
    }

    public static IReadOnlyList<ServiceDefinition> Parse(IEnumerable<(string Name, string Json)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var services = new List<ServiceDefinition>();
        foreach (var (name, json) in files)
        {
            try
            {
                services.Add(JsonSerializer.Deserialize<ServiceDefinition>(json, Json) ?? throw new CatalogueException($"{name} is empty."));
            }
            catch (JsonException ex)
            {
                throw new CatalogueException($"{name}: {ex.Message}", ex);
            }
        }

        Validate(services);
        return services;
    }

    private static void Validate(List<ServiceDefinition> services)
    {
        var problems = new List<string>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var categories = ServiceCategories.All.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var events = LifeEvents.All.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var s in services)
        {
            if (!slugs.Add(s.Slug))
            {
                problems.Add($"{s.Slug}: the slug is used twice.");
            }

            if (!categories.Contains(s.Category))
            {
                problems.Add($"{s.Slug}: unknown category '{s.Category}'.");
            }

            problems.AddRange(s.LifeEvents.Where(e => !events.Contains(e)).Select(e => $"{s.Slug}: unknown life event '{e}'."));
            problems.AddRange(s.Channels.Where(c => c is not ServiceChannels.Online and not ServiceChannels.Visit).Select(c => $"{s.Slug}: unknown channel '{c}'."));
            problems.AddRange(FormProblems(s));
        }

        foreach (var s in services)
        {
            problems.AddRange(s.Bundle.Where(b => !slugs.Contains(b) || b == s.Slug).Select(b => $"{s.Slug}: the bundle names '{b}', which is not another service in the catalogue."));
        }

        if (problems.Count > 0)
        {
            throw new CatalogueException("The service catalogue is inconsistent:\n" + string.Join('\n', problems));
        }
    }

    private static IEnumerable<string> FormProblems(ServiceDefinition s)
    {
        if (s.Form is null)
        {
            yield break;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in s.Form.Steps.SelectMany(step => step.Fields))
        {
            if (!ids.Add(field.Id))
            {
                yield return $"{s.Slug}: the field id '{field.Id}' is used twice.";
            }

            if (!FieldTypes.All.Contains(field.Type))
            {
                yield return $"{s.Slug}: field '{field.Id}' has unknown type '{field.Type}'.";
            }

            if (field.Type == FieldTypes.Choice && (field.Options is null || field.Options.Count == 0))
            {
                yield return $"{s.Slug}: choice field '{field.Id}' has no options.";
            }
        }
    }

    /// <summary>Another embedded catalogue file by its name's end, e.g. <c>Catalogue.agencies.json</c>.</summary>
    public static string ReadEmbedded(string suffix)
    {
        var assembly = typeof(CatalogueLoader).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + suffix, StringComparison.Ordinal));
        return Read(assembly, name);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class CatalogueException : Exception
{
    public CatalogueException(string message) : base(message)
    {
    }

    public CatalogueException(string message, Exception inner) : base(message, inner)
    {
    }

    public CatalogueException()
    {
    }
}
