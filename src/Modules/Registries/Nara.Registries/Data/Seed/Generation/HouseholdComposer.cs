using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>One member of a household being composed; indices point into the same household.</summary>
internal struct MemberSpec
{
    public DateOnly Birth;
    public Sex Sex;
    public HouseholdRelation Relation;
    public int Mother;
    public int Father;
    public int Spouse;
}

/// <summary>
/// Decides who lives together: a person alone, a couple, parents with children, a single parent, three
/// generations. Ages come from <see cref="Demography"/>; children's ages follow their mother's.
/// </summary>
internal sealed class HouseholdComposer(SeedRandom random, DateOnly today)
{
    public List<MemberSpec> Members { get; } = new(8);

    public bool SingleParent { get; private set; }

    public void Compose(int size, bool foreign)
    {
        Members.Clear();
        SingleParent = false;
        if (foreign)
        {
            // Registered foreigners are mostly working-age adults, alone or as a couple.
            if (size == 1)
            {
                Add(random.Next(20, 56), Sex(), HouseholdRelation.Head);
            }
            else
            {
                Couple(random.Next(25, 50));
                if (size > 2)
                {
                    var child = Add(random.Next(0, 12), Sex(), HouseholdRelation.Child);
                    var (mother, father) = Members[0].Sex == Domain.Sex.Female ? (0, 1) : (1, 0);
                    Members[child] = Members[child] with { Mother = mother, Father = father };
                }
            }

            return;
        }

        switch (size)
        {
            case 1:
                var alone = Demography.AgeIn(Demography.AloneAgeGroup, random);
                Add(alone, AloneSex(alone), HouseholdRelation.Head);
                break;
            case 2:
                var roll = random.NextDouble();
                if (roll < 0.66)
                {
                    Couple(Demography.AgeIn(Demography.CoupleAgeGroup, random));
                }
                else if (roll < 0.72)
                {
                    ParentWithChildren(1, single: true);
                }
                else if (roll < 0.95)
                {
                    ParentWithChildren(1, single: true, adultChildren: true);
                }
                else
                {
                    var age = random.Next(20, 40);
                    Add(age, Sex(), HouseholdRelation.Head);
                    Add(Math.Max(18, age + random.Next(-5, 6)), Sex(), HouseholdRelation.Sibling);
                }

                break;
            default:
                var threeGenerations = size >= 5 ? random.Chance(0.5) : random.Chance(size == 3 ? 0.06 : 0.05);
                if (threeGenerations)
                {
                    var children = Math.Max(1, size - 3);
                    ParentWithChildren(children, single: false);
                    Grandparents(size - 2 - children);
                }
                else
                {
                    var single = random.Chance(size == 3 ? 0.05 : 0.02);
                    ParentWithChildren(single ? size - 1 : size - 2, single);
                }

                break;
        }
    }

    private void Couple(int olderAge)
    {
        var husbandOlder = random.Chance(0.78);
        var gap = Math.Abs((int)Math.Round(random.NextGaussian() * 3));
        var husbandAge = husbandOlder ? olderAge : Math.Max(18, olderAge - gap);
        var wifeAge = husbandOlder ? Math.Max(18, olderAge - gap) : olderAge;
        var husbandHead = random.Chance(0.8);
        var first = husbandHead ? (husbandAge, Domain.Sex.Male) : (wifeAge, Domain.Sex.Female);
        var second = husbandHead ? (wifeAge, Domain.Sex.Female) : (husbandAge, Domain.Sex.Male);
        var head = Add(first.Item1, first.Item2, HouseholdRelation.Head);
        var spouse = Add(second.Item1, second.Item2, HouseholdRelation.Spouse);
        Members[head] = Members[head] with { Spouse = spouse };
        Members[spouse] = Members[spouse] with { Spouse = head };
    }

    private void ParentWithChildren(int children, bool single, bool adultChildren = false)
    {
        int eldest;
        var tries = 0;
        do
        {
            eldest = adultChildren ? random.Next(25, 56) : Demography.EldestChildAge.Sample(random);
        }
        while (eldest < 2 * (children - 1) && ++tries < 20);

        var motherAtBirth = eldest > 20 ? Clamp(27.5 + (random.NextGaussian() * 3.5), 19, 42) : Clamp(31.5 + (random.NextGaussian() * 3.8), 20, 44);
        var motherAge = eldest + motherAtBirth;
        int mother, father = -1;
        if (single)
        {
            var isMother = random.Chance(0.78);
            var parent = Add(isMother ? motherAge : motherAge + 2, isMother ? Domain.Sex.Female : Domain.Sex.Male, HouseholdRelation.Head);
            (mother, father) = isMother ? (parent, -1) : (-1, parent);
            SingleParent = !adultChildren;
        }
        else
        {
            Couple(motherAge + Math.Max(0, (int)Math.Round(2.5 + (random.NextGaussian() * 2))));
            (mother, father) = Members[0].Sex == Domain.Sex.Female ? (0, 1) : (1, 0);
        }

        var age = eldest;
        for (var i = 0; i < children; i++)
        {
            var child = Add(Math.Max(0, age), Sex(), HouseholdRelation.Child);
            Members[child] = Members[child] with { Mother = mother, Father = father };
            age -= random.Next(1, 5);
        }

        SingleParent = SingleParent && Members.Any(m => m.Relation == HouseholdRelation.Child && AgeOf(m.Birth) < 18);
    }

    private void Grandparents(int count)
    {
        var headAge = AgeOf(Members[0].Birth);
        var age = Math.Min(99, headAge + Clamp(28 + (random.NextGaussian() * 3), 20, 40));
        var first = Add(age, count == 1 && random.Chance(0.75) ? Domain.Sex.Female : Domain.Sex.Male, HouseholdRelation.Parent);
        if (count > 1)
        {
            var second = Add(Math.Max(40, age - random.Next(0, 5)), Domain.Sex.Female, HouseholdRelation.Parent);
            Members[first] = Members[first] with { Spouse = second };
            Members[second] = Members[second] with { Spouse = first };
        }
    }

    // Most older people living alone are women (longer lives); younger ones are slightly more often men.
    private Sex AloneSex(int age) => random.Chance(age >= 65 ? 0.28 : age < 40 ? 0.55 : 0.5) ? Domain.Sex.Male : Domain.Sex.Female;

    private Sex Sex() => random.Chance(0.5) ? Domain.Sex.Male : Domain.Sex.Female;

    private int Add(int age, Sex sex, HouseholdRelation relation)
    {
        var birth = today.AddYears(-age).AddDays(-random.Next(365));
        Members.Add(new MemberSpec { Birth = birth, Sex = sex, Relation = relation, Mother = -1, Father = -1, Spouse = -1 });
        return Members.Count - 1;
    }

    public int AgeOf(DateOnly birth)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    private static int Clamp(double value, int min, int max) => Math.Clamp((int)Math.Round(value), min, max);
}
