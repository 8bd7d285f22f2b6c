using System.Globalization;
using Nara.Exchange.Domain;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Providers;

/// <summary>
/// One registry behind the mediator for e-certificates, through Registries' <see cref="ICertificateRecords"/>: the
/// holder's <c>name</c> and <c>birth-date</c> (a certificate names whom it is about) and the registry's own record.
/// Lists are flattened into parts: <c>family.count</c>, <c>family.0.name</c>, <c>family.0.birth-date</c>…; a record
/// the registries do not hold is left out (a list answers <c>.count = 0</c>), so the caller can tell "none" from a value.
/// </summary>
internal sealed class CertificateRecordsProvider(string kind, ICertificateRecords records) : IExchangeProvider
{
    private static readonly Dictionary<string, (CertificateRecordKinds Reads, string[] Attributes)> Kinds = new(StringComparer.Ordinal)
    {
        [ProviderKinds.RegistrationAbstract] = (CertificateRecordKinds.Registration, ["address", "moved-in-on"]),
        [ProviderKinds.RegistrationCopy] = (CertificateRecordKinds.Registration | CertificateRecordKinds.Household, ["address", "moved-in-on", "household"]),
        [ProviderKinds.FamilyRelations] = (CertificateRecordKinds.Family, ["family"]),
        [ProviderKinds.Income] = (CertificateRecordKinds.Income, ["income"]),
        [ProviderKinds.HealthInsurance] = (CertificateRecordKinds.HealthInsurance, ["health-insurance"]),
        [ProviderKinds.Disability] = (CertificateRecordKinds.Disability, ["disability"]),
        [ProviderKinds.BusinessRegistration] = (CertificateRecordKinds.Businesses, ["businesses"]),
        [ProviderKinds.SchoolGraduation] = (CertificateRecordKinds.Graduations, ["graduations"]),
    };

    public static IReadOnlyCollection<string> AllKinds => Kinds.Keys;

    public string Kind => kind;

    public IReadOnlyList<string>? KnownAttributes => ["name", "birth-date", .. Kinds[kind].Attributes];

    public bool NeedsSubject => true;

    public async Task<ProviderAnswer> AnswerAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        if (call.SubjectResidentId is not { } id || await records.ForResidentAsync(id, Kinds[kind].Reads, cancellationToken) is not { } r)
        {
            return ProviderAnswer.NoSubject;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in call.Attributes)
        {
            switch (attribute)
            {
                case "name":
                    data["name"] = r.NameKo;
                    data["name.en"] = r.NameEn;
                    break;
                case "birth-date":
                    data["birth-date"] = Date(r.BirthDate);
                    break;
                case "address" when r.Registration is { } home:
                    data["address"] = home.AddressKo;
                    data["address.en"] = home.AddressEn;
                    data["address.postal-code"] = home.PostalCode;
                    data["address.division-code"] = home.DivisionCode;
                    data["address.relation-to-head"] = home.RelationToHead;
                    break;
                case "moved-in-on" when r.Registration is { } home:
                    data["moved-in-on"] = Date(home.MovedInOn);
                    break;
                case "household":
                    List(data, "household", r.Household, (p, m) =>
                    {
                        p["relation-to-head"] = m.RelationToHead; p["name"] = m.NameKo; p["name-en"] = m.NameEn;
                        p["birth-date"] = Date(m.BirthDate); p["moved-in-on"] = Date(m.MovedInOn);
                    });
                    break;
                case "family":
                    List(data, "family", r.Family, (p, m) => { p["relation"] = m.Relation; p["name"] = m.NameKo; p["name-en"] = m.NameEn; p["birth-date"] = Date(m.BirthDate); });
                    break;
                case "income" when r.Income is { } income:
                    data["income"] = income.MonthlyRecognisedIncome.ToString(CultureInfo.InvariantCulture);
                    data["income.assessed-on"] = Date(income.AssessedOn);
                    break;
                case "health-insurance" when r.HealthInsurance is { } insurance:
                    data["health-insurance"] = insurance.Status;
                    data["health-insurance.since"] = Date(insurance.Since);
                    break;
                case "disability" when r.Disability is { } disability:
                    data["disability"] = disability.Degree;
                    data["disability.registered-on"] = Date(disability.RegisteredOn);
                    break;
                case "businesses":
                    List(data, "businesses", r.Businesses, (p, b) =>
                    {
                        p["registration-number"] = b.RegistrationNumber; p["name"] = b.NameKo; p["industry"] = b.Industry;
                        p["opened-on"] = Date(b.OpenedOn); p["address"] = b.AddressKo; p["address-en"] = b.AddressEn;
                    });
                    break;
                case "graduations":
                    List(data, "graduations", r.Graduations, (p, g) => { p["school"] = g.SchoolNameKo; p["school-en"] = g.SchoolNameEn; p["level"] = g.Level; p["graduated-on"] = Date(g.GraduatedOn); });
                    break;
            }
        }

        return new ProviderAnswer(200, data);
    }

    private static void List<T>(Dictionary<string, string> data, string attribute, IReadOnlyList<T> items, Action<Dictionary<string, string>, T> parts)
    {
        data[attribute + ".count"] = items.Count.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < items.Count; i++)
        {
            var item = new Dictionary<string, string>(StringComparer.Ordinal);
            parts(item, items[i]);
            foreach (var (part, value) in item)
            {
                data[string.Create(CultureInfo.InvariantCulture, $"{attribute}.{i}.{part}")] = value;
            }
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
