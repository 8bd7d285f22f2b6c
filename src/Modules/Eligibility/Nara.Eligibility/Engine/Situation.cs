namespace Nara.Eligibility.Engine;

/// <summary>
/// The facts a simulation starts from: the persons, the households with their members by role, and
/// the input values by variable and period. Built by the situation parser (API, YAML tests) or from
/// registry data (the citizen's page).
/// </summary>
public sealed class Situation
{
    public List<EntityInstance> Persons { get; } = [];

    public List<EntityInstance> Households { get; } = [];

    public List<EntityInstance> Of(EntityType entity) => entity.IsPerson ? Persons : Households;

    public EntityInstance AddPerson(string id)
    {
        var person = new EntityInstance(id);
        Persons.Add(person);
        return person;
    }

    public EntityInstance AddHousehold(string id)
    {
        var household = new EntityInstance(id);
        Households.Add(household);
        return household;
    }

    /// <summary>Puts a person in a household in a role; a person belongs to one household only.</summary>
    public void Join(int household, int person, Role role)
    {
        Households[household].Members.Add(new Membership(person, role));
        Persons[person].Household = household;
    }
}

public sealed record Membership(int Person, Role Role);

/// <summary>One person or one household of a situation.</summary>
public sealed class EntityInstance(string id)
{
    public string Id { get; } = id;

    /// <summary>Input values: variable → period → value (bool, long, double, DateOnly or string).</summary>
    public Dictionary<string, Dictionary<Period, object>> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>For a person: the index of their household, or -1.</summary>
    public int Household { get; set; } = -1;

    /// <summary>For a household: its members with their roles, in situation order.</summary>
    public List<Membership> Members { get; } = [];

    public EntityInstance Set(string variable, Period period, object value)
    {
        if (!Inputs.TryGetValue(variable, out var byPeriod))
        {
            byPeriod = [];
            Inputs[variable] = byPeriod;
        }

        byPeriod[period] = value;
        return this;
    }
}
