namespace Nara.Eligibility.Engine;

/// <summary>
/// What a formula sees: one member of one entity, one period, the values of other variables
/// (null when unknown), the parameters in force on the first day of the period, and a place to
/// record the conditions that explain the result.
/// </summary>
public sealed class Calc
{
    private readonly Simulation simulation;
    private readonly CalcNode node;

    internal Calc(Simulation simulation, EntityType entity, int index, Period period, CalcNode node)
    {
        this.simulation = simulation;
        this.node = node;
        Entity = entity;
        Index = index;
        Period = period;
    }

    public EntityType Entity { get; }

    public int Index { get; }

    public Period Period { get; }

    public T? Get<T>(string variable)
        where T : struct => (T?)Value(variable);

    /// <summary>The person's household (a person's formulas reach household variables through it).</summary>
    public Calc Household
    {
        get
        {
            if (!Entity.IsPerson)
            {
                throw new InvalidOperationException("Only a person has a household.");
            }

            var household = simulation.Situation.Persons[Index].Household;
            return new Calc(simulation, Entities.Household, household, Period, node);
        }
    }

    /// <summary>A household's members, optionally only those in one role.</summary>
    public IEnumerable<Calc> Members(Role? role = null)
    {
        if (Entity.IsPerson)
        {
            throw new InvalidOperationException("A person has no members.");
        }

        return simulation.Situation.Households[Index].Members
            .Where(m => role is null || m.Role == role)
            .Select(m => new Calc(simulation, Entities.Person, m.Person, Period, node));
    }

    public int MemberCount(Role? role = null) => Members(role).Count();

    /// <summary>The parameter's value in force on the first day of the period, recorded for the explanation.</summary>
    public ParameterUse Parameter(string id)
    {
        var use = simulation.Parameter(id, Period.Start);
        node.DirectParameters.Add(use);
        node.AllParameters.Add(use);
        return use;
    }

    /// <summary>A mark to take the inputs found missing since (for a condition's own missing list).</summary>
    public int MissingMark => node.Missing.Count;

    public IReadOnlyList<string> MissingSince(int mark) => [.. node.Missing.Skip(mark).Distinct()];

    /// <summary>Records the conditions and combines them (Kleene): false if any fails, else unknown if any is unknown.</summary>
    public bool? All(params Check[] checks)
    {
        node.Checks.AddRange(checks);
        if (checks.Any(c => c.Holds == false))
        {
            return false;
        }

        return checks.Any(c => c.Holds is null) ? null : true;
    }

    private object? Value(string name)
    {
        var variable = simulation.Rules.Variable(name);
        if (variable.Entity != Entity)
        {
            throw new InvalidOperationException($"'{name}' is a {variable.Entity.Key} variable; reach it through Household or Members.");
        }

        var period = variable.DefinitionPeriod == PeriodUnit.Eternity ? Period.Eternity : Period;
        var computed = simulation.Compute(name, Index, period);
        if (simulation.Tracing)
        {
            node.Dependencies.Add(Simulation.TraceKey(name, period));
        }

        node.AllParameters.AddRange(computed.Parameters);
        if (computed.Value is null)
        {
            node.Missing.AddRange(computed.Missing);
        }

        return computed.Value;
    }
}
