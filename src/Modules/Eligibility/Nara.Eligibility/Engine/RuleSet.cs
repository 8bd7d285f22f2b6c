namespace Nara.Eligibility.Engine;

/// <summary>
/// The law as code at one moment: entities, variables with their dated formulas, and parameters
/// with their dated values (OpenFisca calls this the tax and benefit system). Immutable; a reform
/// gives a new rule set sharing the formulas.
/// </summary>
public sealed class RuleSet
{
    public RuleSet(string name, IEnumerable<Variable> variables, IEnumerable<Parameter> parameters)
    {
        Name = name;
        Variables = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        Parameters = parameters.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<EntityType> Entities { get; } = Engine.Entities.All;

    public IReadOnlyDictionary<string, Variable> Variables { get; }

    public IReadOnlyDictionary<string, Parameter> Parameters { get; }

    public Variable Variable(string name) =>
        Variables.TryGetValue(name, out var variable) ? variable : throw new KeyNotFoundException($"No variable '{name}'.");

    public ParameterUse Parameter(string id, DateOnly instant)
    {
        if (!Parameters.TryGetValue(id, out var parameter))
        {
            throw new KeyNotFoundException($"No parameter '{id}'.");
        }

        var value = parameter.At(instant) ?? throw new ParameterNotFoundException(id, instant);
        return new ParameterUse(id, instant, value.Value, value.Since, parameter.Reference);
    }

    /// <summary>The same rules with the reform's parameter values laid over the current ones.</summary>
    public RuleSet With(Reform reform)
    {
        foreach (var id in reform.Changes.Keys.Where(id => !Parameters.ContainsKey(id)))
        {
            throw new KeyNotFoundException($"The reform '{reform.Id}' changes an unknown parameter '{id}'.");
        }

        return new RuleSet(
            $"{Name}+{reform.Id}",
            Variables.Values,
            Parameters.Values.Select(p => reform.Changes.TryGetValue(p.Id, out var overlay) ? p.With(overlay) : p));
    }
}
