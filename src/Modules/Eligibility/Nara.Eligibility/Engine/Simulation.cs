namespace Nara.Eligibility.Engine;

/// <summary>
/// Evaluates variables over one situation, member by member, caching every value by
/// (variable, member, period). Values are three-valued: a missing input makes a value unknown
/// (null) unless the rule's outcome does not depend on it (a failing condition decides alone).
/// </summary>
public sealed class Simulation(RuleSet rules, Situation situation)
{
    private readonly Dictionary<(string Variable, int Index, Period Period), Computed> cache = [];
    private readonly HashSet<(string, int, Period)> inProgress = [];

    // Parameter values by (id, day): a rule set is immutable and a simulation never changes its rules, so a value
    // looked up once stays right for the simulation's life (it goes with it). Saves re-searching the dated values
    // and a new ParameterUse each time a formula asks (dozens of times per household and month).
    private readonly Dictionary<(string Id, DateOnly Instant), ParameterUse> parameters = [];

    public RuleSet Rules { get; } = rules;

    public Situation Situation { get; } = situation;

    /// <summary>When set, every computation records its dependencies and parameters (for /trace).</summary>
    public Dictionary<string, TraceNode>? Trace { get; init; }

    public Computed Compute(string variableName, int index, Period period)
    {
        var variable = Rules.Variable(variableName);
        var key = (variable.Name, index, period);
        if (cache.TryGetValue(key, out var known))
        {
            return known;
        }

        CheckPeriod(variable, period);
        if (!inProgress.Add(key))
        {
            throw new CircularDefinitionException($"{variable.Name}<{period}>");
        }

        try
        {
            var computed = Evaluate(variable, index, period);
            cache[key] = computed;
            return computed;
        }
        finally
        {
            inProgress.Remove(key);
        }
    }

    /// <summary>Whether dependencies are recorded (only /trace reports them; /calculate skips building their keys).</summary>
    public bool Tracing => Trace is not null;

    /// <summary>The parameter's value in force on the day (cached for this simulation, see the field).</summary>
    public ParameterUse Parameter(string id, DateOnly instant)
    {
        if (!parameters.TryGetValue((id, instant), out var use))
        {
            use = Rules.Parameter(id, instant);
            parameters[(id, instant)] = use;
        }

        return use;
    }

    public Explanation? Explain(string variableName, int index, Period period) =>
        Compute(variableName, index, period).Explanation;

    public static string TraceKey(string variable, Period period) => $"{variable}<{period}>";

    private static void CheckPeriod(Variable variable, Period period)
    {
        if (variable.DefinitionPeriod != PeriodUnit.Eternity && variable.DefinitionPeriod != period.Unit)
        {
            throw new PeriodMismatchException(
                $"Unable to compute variable '{variable.Name}' for period {period}: '{variable.Name}' must be computed for a whole {variable.DefinitionPeriod.ToString().ToLowerInvariant()}.");
        }
    }

    private Computed Evaluate(Variable variable, int index, Period period)
    {
        var instance = Situation.Of(variable.Entity)[index];
        var node = new CalcNode();
        object? value;
        if (instance.Inputs.TryGetValue(variable.Name, out var byPeriod) && Lookup(variable, byPeriod, period) is { } given)
        {
            value = given;
        }
        else if (variable.IsInput && variable.AbsentIsDefault)
        {
            value = variable.DefaultValue;
        }
        else if (variable.IsInput)
        {
            value = null;
            var path = $"{variable.Entity.Plural}/{instance.Id}/{variable.Name}";
            node.Missing.Add(variable.DefinitionPeriod == PeriodUnit.Eternity ? path : $"{path}/{period}");
        }
        else if (variable.FormulaAt(period.Unit == PeriodUnit.Eternity ? DateOnly.MaxValue : period.Start) is { } formula)
        {
            value = formula.Compute(new Calc(this, variable.Entity, index, period, node));
        }
        else
        {
            // Before the programme existed: nothing is due, as OpenFisca answers the default value.
            value = variable.DefaultValue;
        }

        // When conditions explain the value, only the unknown conditions' inputs are missing: an input
        // read by a condition that held anyway (one member qualifies, another is unknown) is not.
        IReadOnlyList<string> missing = value is not null ? []
            : node.Checks.Count > 0 ? [.. node.Checks.Where(c => c.Holds is null).SelectMany(c => c.Missing).Distinct()]
            : [.. node.Missing.Distinct()];
        var explanation = node.Checks.Count == 0 ? null : new Explanation(
            value as bool?, [.. node.Checks], [.. node.AllParameters.DistinctBy(p => p.Id)], missing);
        var computed = new Computed(value, missing, [.. node.AllParameters.DistinctBy(p => (p.Id, p.Instant))], explanation);
        RecordTrace(variable, index, period, node, computed);
        return computed;
    }

    private static object? Lookup(Variable variable, Dictionary<Period, object> byPeriod, Period period) =>
        variable.DefinitionPeriod == PeriodUnit.Eternity
            ? byPeriod.Values.FirstOrDefault()
            : byPeriod.GetValueOrDefault(period);

    private void RecordTrace(Variable variable, int index, Period period, CalcNode node, Computed computed)
    {
        if (Trace is null)
        {
            return;
        }

        var key = TraceKey(variable.Name, period);
        if (!Trace.TryGetValue(key, out var trace))
        {
            trace = new TraceNode(variable.Entity);
            Trace[key] = trace;
        }

        trace.Dependencies.UnionWith(node.Dependencies);
        foreach (var use in node.DirectParameters)
        {
            trace.Parameters[$"{use.Id}<{use.Instant:yyyy-MM-dd}>"] = use.Value;
        }

        trace.Values[index] = computed.Value;
    }
}

/// <summary>A computed value (null = unknown), the inputs whose absence made it unknown, and the parameters behind it.</summary>
public sealed record Computed(object? Value, IReadOnlyList<string> Missing, IReadOnlyList<ParameterUse> Parameters, Explanation? Explanation);

/// <summary>What /trace reports for one variable and period, over all members of its entity.</summary>
public sealed class TraceNode(EntityType entity)
{
    public EntityType Entity { get; } = entity;

    public SortedSet<string> Dependencies { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, decimal> Parameters { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, object?> Values { get; } = [];
}

/// <summary>The bookkeeping of one formula evaluation.</summary>
internal sealed class CalcNode
{
    public List<string> Missing { get; } = [];

    public List<Check> Checks { get; } = [];

    public HashSet<string> Dependencies { get; } = new(StringComparer.Ordinal);

    public List<ParameterUse> DirectParameters { get; } = [];

    public List<ParameterUse> AllParameters { get; } = [];
}
