using System.Globalization;
using Nara.Exchange.Domain;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Providers;

/// <summary>The household register: the head, and the members with their relation and birth date.</summary>
internal sealed class HouseholdProvider(IHouseholdDirectory households) : IExchangeProvider
{
    public string Kind => ProviderKinds.Household;

    public IReadOnlyList<string>? KnownAttributes => ["household-head", "household-members"];

    public bool NeedsSubject => true;

    public async Task<ProviderAnswer> AnswerAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        if (call.SubjectResidentId is not { } id || await households.FindForResidentAsync(id, cancellationToken) is not { } household)
        {
            return ProviderAnswer.NoSubject;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in call.Attributes)
        {
            switch (attribute)
            {
                case "household-head":
                    var head = household.Members.FirstOrDefault(m => m.Relation == "head") ?? (household.Members.Count > 0 ? household.Members[0] : null);
                    if (head is not null)
                    {
                        data["household-head"] = head.NameKo;
                        data["household-head.en"] = head.NameEn;
                    }

                    break;
                case "household-members":
                    data["household-members"] = string.Join(", ", household.Members.Select(m => $"{m.NameKo} ({Date(m.BirthDate)}, {m.Relation})"));
                    data["household-members.count"] = household.Members.Count.ToString(CultureInfo.InvariantCulture);
                    break;
            }
        }

        return new ProviderAnswer(200, data);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
