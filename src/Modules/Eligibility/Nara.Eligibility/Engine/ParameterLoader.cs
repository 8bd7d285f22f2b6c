using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Nara.Eligibility.Engine;

/// <summary>
/// Reads parameters from YAML in OpenFisca's spirit: nested names make the dotted id, a node with
/// <c>values</c> is a parameter, <c>reference</c> is inherited by the nodes below. A malformed file
/// fails the start rather than a determination.
/// </summary>
public static class ParameterLoader
{
    public static IReadOnlyList<Parameter> Load(TextReader yaml)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        var parameters = new List<Parameter>();
        Walk((YamlMappingNode)stream.Documents[0].RootNode, prefix: "", inherited: null, parameters);
        return parameters;
    }

    public static IReadOnlyList<Parameter> LoadEmbedded()
    {
        var assembly = typeof(ParameterLoader).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("parameters.yaml", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    private static void Walk(YamlMappingNode node, string prefix, LegalReference? inherited, List<Parameter> into)
    {
        var reference = node.Children.TryGetValue(new YamlScalarNode("reference"), out var r) ? ReadReference((YamlMappingNode)r) : inherited;
        if (node.Children.TryGetValue(new YamlScalarNode("values"), out var values))
        {
            into.Add(new Parameter(
                prefix,
                Text(node, "description_ko"),
                Text(node, "description_en"),
                Text(node, "unit"),
                reference ?? throw new InvalidDataException($"Parameter '{prefix}' has no legal reference."),
                ((YamlMappingNode)values).Children.Select(v => new DatedValue(
                    DateOnly.ParseExact(((YamlScalarNode)v.Key).Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    decimal.Parse(((YamlScalarNode)v.Value).Value!, NumberStyles.Number, CultureInfo.InvariantCulture)))));
            return;
        }

        foreach (var (key, child) in node.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "reference" || child is not YamlMappingNode mapping)
            {
                continue;
            }

            Walk(mapping, prefix.Length == 0 ? name : $"{prefix}.{name}", reference, into);
        }
    }

    private static LegalReference ReadReference(YamlMappingNode node) => new(Text(node, "title"), Text(node, "href"));

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text }
            ? text
            : throw new InvalidDataException($"Missing '{key}' in parameters.yaml near line {node.Start.Line}.");
}
