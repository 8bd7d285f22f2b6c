using System.Collections.Concurrent;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>
/// Generates one chunk of whole households with every registry record that hangs off them. Each chunk has its own
/// random streams, derived from (seed, chunk index), so chunks can be generated in parallel and in any order and
/// the same seed still gives the same rows. Ids and numbers are chunk-local until <see cref="PopulationStitcher"/>
/// places the chunk after the previous ones; generated ids start at 1, the demo personas' at <see cref="PersonaIds.First"/>.
/// </summary>
internal sealed class PopulationGenerator
{
    private static readonly Weighted<string> MarriageMigrants = new([("VNM", 40), ("CHN", 35), ("PHL", 10), ("JPN", 5), ("THA", 5), ("KHM", 5)]);

    // Romanized names by (surname, given name): a few tens of thousands of combinations, romanized once each.
    private static readonly ConcurrentDictionary<(string Surname, string Given), string> RomanNames = new();

    private readonly DivisionCatalog _catalog;
    private readonly SeedRandom _random;
    private readonly DateOnly _today;
    private readonly HouseholdComposer _composer;
    private readonly RecordFactory _records;
    private readonly Identifiers _ids = new(recordKeys: true);
    private readonly long[] _residentIds = new long[16];
    private readonly string[] _surnames = new string[16];

    private PopulationGenerator(DivisionCatalog catalog, int seed, int chunk, DateOnly today)
    {
        _catalog = catalog;
        _random = SeedRandom.For(seed, "households", chunk);
        _today = today;
        _composer = new HouseholdComposer(_random, today);
        _records = new RecordFactory(SeedRandom.For(seed, "records", chunk), today, _ids);
    }

    /// <summary>Chunk <paramref name="index"/> of <paramref name="residents"/> residents (its last household is cut to fit).</summary>
    public static PopulationChunk Generate(DivisionCatalog catalog, int seed, DateOnly today, int index, int residents)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var generator = new PopulationGenerator(catalog, seed, index, today);
        var chunk = new PopulationChunk { Ids = generator._ids };
        var remaining = residents;
        while (remaining > 0)
        {
            remaining -= generator.AddHousehold(chunk, remaining);
        }

        return chunk;
    }

    private int AddHousehold(PopulationChunk chunk, int remaining)
    {
        var foreign = _random.Chance(0.041) ? Names.Nationalities.Sample(_random) : null;
        var size = foreign is null ? Demography.HouseholdSize.Sample(_random) : _random.Chance(0.65) ? 1 : _random.Chance(0.6) ? 2 : 3;
        _composer.Compose(Math.Min(size, remaining), foreign is not null);
        var members = _composer.Members;
        var leaf = _catalog.Placement.Sample(_random);
        var address = _records.NewAddress(chunk, leaf, _random.Pick(leaf.Neighbourhoods));
        var household = new Household
        {
            Id = _ids.NextHousehold(),
            AddressId = address.Id,
            HeadResidentId = _ids.PeekResident,
            MemberCount = members.Count,
            SingleParent = _composer.SingleParent,
        };
        chunk.Households.Add(household);
        var movedIn = _today.AddDays(-_random.Next(15 * 365));
        var migrantWife = foreign is null && members.Count >= 2 && members[1].Spouse == 0 && _random.Chance(0.03);
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var nationality = foreign ?? (migrantWife && m.Sex == Sex.Female && m.Spouse >= 0 && m.Relation != HouseholdRelation.Parent
                ? MarriageMigrants.Sample(_random)
                : "KOR");
            string nameKo, nameEn;
            if (nationality == "KOR")
            {
                _surnames[i] = Surname(i, m);
                var given = Names.Given(_random, m.Sex, m.Birth.Year);
                nameKo = _surnames[i] + given;
                nameEn = RomanNames.GetOrAdd((_surnames[i], given), static n => Romanization.PersonName(n.Surname, n.Given));
            }
            else
            {
                _surnames[i] = Names.Surname(_random);
                (nameKo, nameEn) = Names.ForeignName(_random, nationality);
            }

            var resident = new Resident
            {
                Id = _ids.NextResident(),
                ResidentNumber = _ids.NewResidentNumber(_random, m.Birth, m.Sex, nationality != "KOR"),
                NameKo = nameKo,
                NameEn = nameEn,
                BirthDate = m.Birth,
                Sex = m.Sex,
                Nationality = nationality,
                AddressId = address.Id,
                HouseholdId = household.Id,
                RelationToHead = m.Relation,
                MovedInOn = m.Birth > movedIn ? m.Birth : movedIn,
            };
            _residentIds[i] = resident.Id;
            chunk.Residents.Add(resident);
        }

        AddRelations(chunk, members);
        _records.AddHouseholdRecords(chunk, household, address, leaf, members, _composer);
        return members.Count;
    }

    /// <summary>Children take their father's surname (their mother's without a father); a grandfather shares the head's.</summary>
    private string Surname(int i, MemberSpec m)
    {
        if (m.Relation == HouseholdRelation.Child)
        {
            return _surnames[m.Father >= 0 ? m.Father : m.Mother >= 0 ? m.Mother : 0];
        }

        return m.Relation == HouseholdRelation.Parent && m.Sex == Sex.Male && i > 0 ? _surnames[0] : Names.Surname(_random);
    }

    private void AddRelations(PopulationChunk chunk, List<MemberSpec> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var id = _residentIds[i];
            if (m.Mother >= 0)
            {
                chunk.FamilyRelations.Add(new FamilyRelation { ResidentId = id, RelatedResidentId = _residentIds[m.Mother], Kind = FamilyRelationKind.Parent });
            }

            if (m.Father >= 0)
            {
                chunk.FamilyRelations.Add(new FamilyRelation { ResidentId = id, RelatedResidentId = _residentIds[m.Father], Kind = FamilyRelationKind.Parent });
            }

            if (m.Spouse >= 0)
            {
                chunk.FamilyRelations.Add(new FamilyRelation { ResidentId = id, RelatedResidentId = _residentIds[m.Spouse], Kind = FamilyRelationKind.Spouse });
            }

            if (m.Relation == HouseholdRelation.Parent)
            {
                chunk.FamilyRelations.Add(new FamilyRelation { ResidentId = _residentIds[0], RelatedResidentId = id, Kind = FamilyRelationKind.Parent });
            }
        }
    }
}
