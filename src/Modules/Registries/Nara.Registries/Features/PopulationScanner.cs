using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Data.Bulk;
using Nara.Registries.Domain;
using Npgsql;

namespace Nara.Registries.Features;

/// <summary>
/// The whole population's columns (<see cref="PopulationFacts"/> with no household filter), read the way the seed
/// writes: one plain SELECT per table over only the columns needed, streamed by position into arrays
/// (<see cref="ColumnScan"/>), and joined in memory by id — no entities, no per-row objects, no joins in the
/// database (the EF version's birth-order query joined family relations to residents twice, a million index look-ups).
/// On a SQLite file the residents are read on a second connection while the other tables are read on the context's,
/// so both cores work; PostgreSQL reads them in turn on the context's connection (the server does the scanning).
/// Same definitions as the EF path (incremental runs) and <see cref="BenefitFacts"/>: the Eligibility tests compare
/// full and incremental runs, and the batch engine with the per-household engine, on the seeded population.
/// </summary>
internal sealed class PopulationScanner(RegistriesDbContext db)
{
    private const int Parent = (int)FamilyRelationKind.Parent;
    private const int Spouse = (int)FamilyRelationKind.Spouse;

    public async Task<PopulationColumns> ReadAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var residents = new ResidentRows();
        var records = new RecordRows();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (connection is SqliteConnection sqlite && !IsInMemory(sqlite.ConnectionString))
            {
                await using var second = new SqliteConnection(sqlite.ConnectionString);
                await second.OpenAsync(cancellationToken);
                var people = Task.Run(() => residents.ReadAsync(ColumnScan.Sqlite(second), cancellationToken), cancellationToken);
                await Task.Run(() => records.ReadAsync(ColumnScan.Sqlite(sqlite), cancellationToken), cancellationToken);
                await people;
            }
            else
            {
                var scan = connection is SqliteConnection same ? ColumnScan.Sqlite(same) : ColumnScan.Postgres((NpgsqlConnection)connection);
                await residents.ReadAsync(scan, cancellationToken);
                await records.ReadAsync(scan, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return Assemble(asOf.DayNumber, residents, records);
    }

    private static bool IsInMemory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
    }

    private static PopulationColumns Assemble(int asOf, ResidentRows r, RecordRows x)
    {
        var order = r.HouseholdOrder();
        var persons = order.Length;
        var residentId = new long[persons];
        var birth = new int[persons];
        var female = new bool[persons];
        var head = new bool[persons];
        var householdOfPerson = new long[persons];
        for (var i = 0; i < persons; i++)
        {
            var source = order[i];
            residentId[i] = r.Id[source];
            householdOfPerson[i] = r.Household[source];
            birth[i] = r.Birth[source];
            female[i] = r.Female[source];
            head[i] = r.Head[source];
        }

        var person = IdIndex.Of(residentId);
        var households = x.HouseholdIds.Count;
        var householdId = x.HouseholdIds.ToArray();
        var household = IdIndex.Of(householdId);
        var personHousehold = new int[persons];
        var first = new int[households + 1];
        for (int h = 0, p = 0; h < households; h++)
        {
            first[h] = p;
            while (p < persons && householdOfPerson[p] == householdId[h])
            {
                personHousehold[p++] = h;
            }

            first[h + 1] = p;
        }

        // Latest assessment on or before the day, as BenefitFacts takes it.
        var income = new long[households];
        Array.Fill(income, -1L);
        var incomeOn = new int[households];
        for (var i = 0; i < x.Incomes.Count; i++)
        {
            var (id, amount, on) = x.Incomes[i];
            if (on <= asOf && household.TryGet(id, out var h) && (income[h] < 0 || on > incomeOn[h]))
            {
                (income[h], incomeOn[h]) = (amount, on);
            }
        }

        var medical = new bool[households];
        foreach (var id in x.MedicalAid)
        {
            if (person.TryGet(id, out var p))
            {
                medical[personHousehold[p]] = true;
            }
        }

        var rent = new bool[households];
        foreach (var (id, since) in x.Rent)
        {
            if (since <= asOf && household.TryGet(id, out var h))
            {
                rent[h] = true;
            }
        }

        var married = new bool[persons];
        var mothersChildren = new List<(long Mother, int Birth, long Child, int Person)>();
        foreach (var (resident, related, kind) in x.Family)
        {
            if (kind == Spouse && person.TryGet(resident, out var p))
            {
                married[p] = true;
            }
            else if (kind == Parent && person.TryGet(related, out var m) && female[m] && person.TryGet(resident, out var c))
            {
                mothersChildren.Add((related, birth[c], resident, c));
            }
        }

        // A child's rank among its mother's children by birth date then id, as BenefitFacts ranks them.
        var birthOrder = new int[persons];
        mothersChildren.Sort();
        for (int i = 0, rank = 0; i < mothersChildren.Count; i++)
        {
            rank = i > 0 && mothersChildren[i - 1].Mother == mothersChildren[i].Mother ? rank + 1 : 1;
            birthOrder[mothersChildren[i].Person] = rank;
        }

        var licence = new int[persons];
        foreach (var (id, due) in x.Licences)
        {
            if (person.TryGet(id, out var p) && (licence[p] == 0 || due < licence[p]))
            {
                licence[p] = due;
            }
        }

        var passport = new int[persons];
        foreach (var (id, expires) in x.Passports)
        {
            if (person.TryGet(id, out var p) && expires > passport[p])
            {
                passport[p] = expires;
            }
        }

        var vehicles = new List<(int, long, int, int)>(x.Vehicles.Count);
        foreach (var (id, owner, registered, inspected) in x.Vehicles)
        {
            if (person.TryGet(owner, out var p))
            {
                vehicles.Add((p, id, registered, inspected));
            }
        }

        return new PopulationColumns
        {
            HouseholdId = householdId,
            FirstMember = first,
            SingleParent = x.SingleParent.ToArray(),
            RecognisedIncome = income,
            ReceivesMedicalBenefit = medical,
            PaysRent = rent,
            Region = x.Region.ToArray(),
            ResidentId = residentId,
            Birth = birth,
            Female = female,
            Married = married,
            DisabilitySevere = Flags(x.Severe, person, persons, asOf),
            RegisteredJobseeker = Flags(x.Jobseekers, person, persons, asOf),
            InDaycare = Flags(x.Daycare, person, persons, asOf),
            BirthOrder = birthOrder,
            Head = head,
            LicenceRenewalDue = licence,
            PassportExpires = passport,
            Vehicles = vehicles,
        };
    }

    /// <summary>Residents with a record dated on or before the day.</summary>
    private static bool[] Flags(List<(long Resident, int Since)> records, IdIndex person, int persons, int asOf)
    {
        var flags = new bool[persons];
        foreach (var (id, since) in records)
        {
            if (since <= asOf && person.TryGet(id, out var p))
            {
                flags[p] = true;
            }
        }

        return flags;
    }

    /// <summary>Every resident, in table order; <see cref="HouseholdOrder"/> gives the columns' order (household, then id).</summary>
    private sealed class ResidentRows
    {
        public List<long> Id { get; } = [];

        public List<long> Household { get; } = [];

        public List<int> Birth { get; } = [];

        public List<bool> Female { get; } = [];

        public List<bool> Head { get; } = [];

        public Task ReadAsync(ColumnScan scan, CancellationToken cancellationToken) =>
            scan.ScanAsync("""SELECT "Id", "HouseholdId", "BirthDate", "Sex", "RelationToHead" FROM registries_residents ORDER BY "Id" """, row =>
            {
                Id.Add(row.Int64(0));
                Household.Add(row.Int64(1));
                Birth.Add(row.Day(2));
                Female.Add(row.Int64(3) == (int)Sex.Female);
                Head.Add(row.Int64(4) == (int)HouseholdRelation.Head);
            }, cancellationToken);

        /// <summary>Row indexes by household then id (the rows come by id; the seed numbers households' members together, so mostly no sort is needed).</summary>
        public int[] HouseholdOrder()
        {
            var order = new int[Id.Count];
            var sorted = true;
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
                sorted &= i == 0 || Household[i - 1] <= Household[i];
            }

            if (!sorted)
            {
                // Ids ascend within the rows, so a stable sort by household keeps id order within each household.
                var keys = Household.ToArray();
                var stable = order.Select(i => (keys[i], i)).ToArray();
                Array.Sort(stable);
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = stable[i].i;
                }
            }

            return order;
        }
    }

    /// <summary>The other registries' rows, only the columns needed, filtered by date later (the SQL has no dates, so it is the same on both providers).</summary>
    private sealed class RecordRows
    {
        public List<long> HouseholdIds { get; } = [];

        public List<bool> SingleParent { get; } = [];

        public List<string> Region { get; } = [];

        public List<(long Household, long Amount, int On)> Incomes { get; } = [];

        public List<long> MedicalAid { get; } = [];

        public List<(long Household, int Since)> Rent { get; } = [];

        public List<(long Resident, int Since)> Severe { get; } = [];

        public List<(long Resident, int Since)> Jobseekers { get; } = [];

        public List<(long Resident, int Since)> Daycare { get; } = [];

        public List<(long Resident, long Related, long Kind)> Family { get; } = [];

        public List<(long Resident, int Due)> Licences { get; } = [];

        public List<(long Resident, int Expires)> Passports { get; } = [];

        public List<(long Id, long Owner, int Registered, int Inspected)> Vehicles { get; } = [];

        public async Task ReadAsync(ColumnScan scan, CancellationToken ct)
        {
            // 17 시도 codes: one string each, not one per household.
            var regions = new Dictionary<(byte, byte), string>();
            await scan.ScanAsync("""
                SELECT h."Id", h."SingleParent", substr(a."DivisionCode", 1, 2) FROM registries_households h
                JOIN registries_addresses a ON a."Id" = h."AddressId" ORDER BY h."Id"
                """, row =>
            {
                HouseholdIds.Add(row.Int64(0));
                SingleParent.Add(row.Boolean(1));
                var code = row.TwoBytes(2);
                if (!regions.TryGetValue(code, out var region))
                {
                    region = regions[code] = $"{(char)code.Item1}{(char)code.Item2}";
                }

                Region.Add(region);
            }, ct);
            await scan.ScanAsync("""SELECT "HouseholdId", "MonthlyRecognisedIncome", "AssessedOn" FROM registries_incomes""",
                row => Incomes.Add((row.Int64(0), row.Int64(1), row.Day(2))), ct);
            await scan.ScanAsync($"""SELECT "ResidentId" FROM registries_health_insurance WHERE "Status" IN ({(int)InsuranceStatus.MedicalAidType1}, {(int)InsuranceStatus.MedicalAidType2})""",
                row => MedicalAid.Add(row.Int64(0)), ct);
            await scan.ScanAsync("""SELECT "HouseholdId", "Since" FROM registries_tenancies WHERE "MonthlyRent" > 0""",
                row => Rent.Add((row.Int64(0), row.Day(1))), ct);
            await scan.ScanAsync($"""SELECT "ResidentId", "RegisteredOn" FROM registries_disabilities WHERE "Degree" = {(int)DisabilityDegree.Severe}""",
                row => Severe.Add((row.Int64(0), row.Day(1))), ct);
            await scan.ScanAsync("""SELECT "ResidentId", "RegisteredOn" FROM registries_jobseekers""", row => Jobseekers.Add((row.Int64(0), row.Day(1))), ct);
            await scan.ScanAsync("""SELECT "ResidentId", "Since" FROM registries_daycare_enrolments""", row => Daycare.Add((row.Int64(0), row.Day(1))), ct);
            await scan.ScanAsync("""SELECT "ResidentId", "RelatedResidentId", "Kind" FROM registries_family_relations""",
                row => Family.Add((row.Int64(0), row.Int64(1), row.Int64(2))), ct);
            await scan.ScanAsync("""SELECT "ResidentId", "RenewalDueOn" FROM registries_driver_licences""", row => Licences.Add((row.Int64(0), row.Day(1))), ct);
            await scan.ScanAsync("""SELECT "ResidentId", "ExpiresOn" FROM registries_passports""", row => Passports.Add((row.Int64(0), row.Day(1))), ct);
            await scan.ScanAsync("""SELECT "Id", "OwnerResidentId", "FirstRegisteredOn", "LastInspectionOn" FROM registries_vehicles ORDER BY "Id" """,
                row => Vehicles.Add((row.Int64(0), row.Int64(1), row.Day(2), row.Day(3))), ct);
        }
    }

    /// <summary>Id → column index: an array when the ids are dense (the seed's are), else a dictionary.</summary>
    private sealed class IdIndex
    {
        private readonly long _min;
        private readonly int[]? _dense;
        private readonly Dictionary<long, int>? _sparse;

        private IdIndex(long min, int[]? dense, Dictionary<long, int>? sparse) => (_min, _dense, _sparse) = (min, dense, sparse);

        public static IdIndex Of(long[] ids)
        {
            if (ids.Length == 0)
            {
                return new IdIndex(0, [], null);
            }

            var (min, max) = (ids.Min(), ids.Max());
            if (max - min < 4L * ids.Length + 1_024)
            {
                var dense = new int[max - min + 1];
                Array.Fill(dense, -1);
                for (var i = 0; i < ids.Length; i++)
                {
                    dense[ids[i] - min] = i;
                }

                return new IdIndex(min, dense, null);
            }

            var sparse = new Dictionary<long, int>(ids.Length);
            for (var i = 0; i < ids.Length; i++)
            {
                sparse[ids[i]] = i;
            }

            return new IdIndex(min, null, sparse);
        }

        public bool TryGet(long id, out int index)
        {
            if (_dense is not null)
            {
                var offset = id - _min;
                index = offset >= 0 && offset < _dense.Length ? _dense[offset] : -1;
                return index >= 0;
            }

            return _sparse!.TryGetValue(id, out index);
        }
    }
}
