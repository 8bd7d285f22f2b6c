using System.Text.Json.Nodes;
using Nara.Eligibility.Api;
using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Features;

/// <summary>The outcome of /calculate or /trace: the filled document, or the error with its path.</summary>
public sealed record CalculationResult(JsonObject? Document, JsonObject? Errors, Simulation? Simulation, IReadOnlyList<Request> Requests);

/// <summary>
/// OpenFisca's /calculate: parse the situation, compute every null value, write it back in place.
/// Unknown values (a missing input) stay null; /trace says which inputs were missing.
/// </summary>
public sealed class CalculateSituation(RuleSet rules)
{
    public CalculationResult Run(JsonObject document, bool trace, Period? defaultPeriod = null)
    {
        var parsed = new SituationParser(rules).Parse(document, defaultPeriod);
        if (!parsed.Ok)
        {
            return new CalculationResult(null, parsed.Errors, null, []);
        }

        var simulation = new Simulation(rules, parsed.Situation) { Trace = trace ? [] : null };
        foreach (var request in parsed.Requests)
        {
            try
            {
                if (trace)
                {
                    // OpenFisca traces whole vectors: every member of the entity gets a value.
                    for (var i = 0; i < parsed.Situation.Of(request.Entity).Count; i++)
                    {
                        simulation.Compute(request.Variable, i, request.Period);
                    }
                }

                request.Target[request.PeriodKey] = Values.ToJson(simulation.Compute(request.Variable, request.Index, request.Period).Value);
            }
            catch (Exception e) when (e is ParameterNotFoundException or PeriodMismatchException or CircularDefinitionException)
            {
                var id = parsed.Situation.Of(request.Entity)[request.Index].Id;
                return new CalculationResult(null, new SituationError([request.Entity.Plural, id, request.Variable, request.PeriodKey], e.Message).ToJson(), null, []);
            }
        }

        return new CalculationResult(document, null, simulation, parsed.Requests);
    }
}
