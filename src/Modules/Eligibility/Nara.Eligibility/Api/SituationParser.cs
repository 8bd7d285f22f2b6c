using System.Text.Json.Nodes;
using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Api;

/// <summary>A requested output: the JSON object of periods to fill in, and what to compute there.</summary>
public sealed record Request(EntityType Entity, int Index, string Variable, Period Period, JsonObject Target, string PeriodKey);

/// <summary>A parsed situation document, or the OpenFisca-shaped error object (the offending path → message).</summary>
public sealed record ParsedSituation(Situation Situation, IReadOnlyList<Request> Requests, JsonObject? Errors)
{
    public bool Ok => Errors is null;
}

/// <summary>
/// Reads an OpenFisca situation document (<c>{"persons": {...}, "households": {...}}</c>): input values
/// by variable and period, <c>null</c> for the values to compute. Errors name their path as OpenFisca
/// does (<c>persons/Ana/salary</c>) and stop at the first one.
/// </summary>
public sealed class SituationParser(RuleSet rules)
{
    public ParsedSituation Parse(JsonObject document, Period? defaultPeriod = null)
    {
        var situation = new Situation();
        var requests = new List<Request>();
        try
        {
            foreach (var (key, _) in document)
            {
                if (!rules.Entities.Any(e => e.Plural == key))
                {
                    throw new SituationError([key], $"'{key}' is not an entity of this model; expected {string.Join(" or ", rules.Entities.Select(e => e.Plural))}.");
                }
            }

            var persons = Instances(document, Entities.Person);
            foreach (var (id, _) in persons)
            {
                situation.AddPerson(id);
            }

            var households = Instances(document, Entities.Household);
            foreach (var (id, body) in households)
            {
                var index = situation.Households.Count;
                situation.AddHousehold(id);
                foreach (var role in Entities.Household.Roles)
                {
                    JoinRole(situation, index, id, role, body[role.Plural]);
                }
            }

            // As OpenFisca does: a person in no household gets one of their own (not echoed back).
            for (var p = 0; p < situation.Persons.Count; p++)
            {
                if (situation.Persons[p].Household < 0)
                {
                    situation.AddHousehold($"_{situation.Persons[p].Id}");
                    situation.Join(situation.Households.Count - 1, p, Entities.Adult);
                }
            }

            ReadValues(Entities.Person, persons, situation, requests, defaultPeriod);
            ReadValues(Entities.Household, households, situation, requests, defaultPeriod);
            return new ParsedSituation(situation, requests, null);
        }
        catch (SituationError error)
        {
            return new ParsedSituation(situation, requests, error.ToJson());
        }
    }

    private static List<(string Id, JsonObject Body)> Instances(JsonObject document, EntityType entity)
    {
        if (document[entity.Plural] is not { } node)
        {
            return [];
        }

        if (node is not JsonObject instances)
        {
            throw new SituationError([entity.Plural], $"Can't deal with type: expected object. '{entity.Plural}' maps ids to {entity.Key} descriptions.");
        }

        return [.. instances.Select(i => i.Value is JsonObject body
            ? (i.Key, body)
            : throw new SituationError([entity.Plural, i.Key], "Can't deal with type: expected object."))];
    }

    private static void JoinRole(Situation situation, int household, string householdId, Role role, JsonNode? members)
    {
        if (members is null)
        {
            return;
        }

        if (members is not JsonArray list)
        {
            throw new SituationError(["households", householdId, role.Plural], "Can't deal with type: expected a list of person ids.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            var id = list[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var person = id is null ? -1 : situation.Persons.FindIndex(p => p.Id == id);
            if (person < 0)
            {
                throw new SituationError(["households", householdId, role.Plural, i.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                    $"Unexpected value: {list[i]?.ToJsonString()}. It has been declared in households but has not been declared in persons.");
            }

            if (situation.Persons[person].Household >= 0)
            {
                throw new SituationError(["households", householdId, role.Plural],
                    $"{id} has been declared more than once in households: a person belongs to one household only.");
            }

            situation.Join(household, person, role);
        }
    }

    private void ReadValues(EntityType entity, List<(string Id, JsonObject Body)> instances, Situation situation, List<Request> requests, Period? defaultPeriod)
    {
        for (var index = 0; index < instances.Count; index++)
        {
            var (id, body) = instances[index];
            foreach (var (name, node) in body.ToList())
            {
                if (!entity.IsPerson && entity.Roles.Any(r => r.Plural == name))
                {
                    continue;
                }

                var path = new List<string> { entity.Plural, id, name };
                var variable = Variable(entity, name, path);
                var byPeriod = node as JsonObject;
                if (byPeriod is null)
                {
                    if (defaultPeriod is null)
                    {
                        throw new SituationError(path, $"Can't deal with type: expected object. Input variables should be set for specific periods. For instance: {{\"{name}\": {{\"2025-06\": ...}}}}.");
                    }

                    byPeriod = new JsonObject { [defaultPeriod.Value.ToString()] = node?.DeepClone() };
                    body[name] = byPeriod;
                }

                foreach (var (periodKey, value) in byPeriod)
                {
                    if (!Period.TryParse(periodKey, out var period))
                    {
                        throw new SituationError(path, Period.ParseError(periodKey));
                    }

                    if (variable.DefinitionPeriod != PeriodUnit.Eternity && period.Unit != variable.DefinitionPeriod)
                    {
                        throw new SituationError([.. path, periodKey],
                            $"Unable to set or compute '{name}' for period {periodKey}: '{name}' is defined for a whole {variable.DefinitionPeriod.ToString().ToLowerInvariant()} (eg. '2025-06').");
                    }

                    if (value is null)
                    {
                        requests.Add(new Request(entity, index, name, variable.DefinitionPeriod == PeriodUnit.Eternity ? Period.Eternity : period, byPeriod, periodKey));
                    }
                    else if (Values.TryRead(value, variable.ValueType, out var read, out var error))
                    {
                        if (variable.AbsentIsDefault && read is long count && count < 0)
                        {
                            // A count of months already paid: a negative one would add months to the maximum.
                            throw new SituationError([.. path, periodKey], $"Can't deal with value: '{name}' counts months and must be 0 or more, received '{count}'.");
                        }

                        situation.Of(entity)[index].Set(name, period, read!);
                    }
                    else
                    {
                        throw new SituationError([.. path, periodKey], error);
                    }
                }
            }
        }
    }

    private Variable Variable(EntityType entity, string name, List<string> path)
    {
        if (!rules.Variables.TryGetValue(name, out var variable))
        {
            throw new SituationError(path,
                $"You tried to calculate or to set a value for variable '{name}', but it was not found in the loaded tax and benefit system ({rules.Name}). Are you sure you spelled '{name}' correctly?");
        }

        return variable.Entity == entity ? variable : throw new SituationError(path,
            $"You tried to compute the variable '{name}' for the entity '{entity.Plural}'; however the variable '{name}' is defined for '{variable.Entity.Plural}'.");
    }
}

/// <summary>A situation error at a JSON path; rendered as OpenFisca does, nested objects down to the message.</summary>
internal sealed class SituationError(IReadOnlyList<string> path, string message) : Exception(message)
{
    public IReadOnlyList<string> Path { get; } = path;

    public string PathText => string.Join('/', Path);

    public JsonObject ToJson()
    {
        JsonNode node = JsonValue.Create(Message);
        for (var i = Path.Count - 1; i >= 0; i--)
        {
            node = new JsonObject { [Path[i]] = node };
        }

        return (JsonObject)node;
    }
}
