using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nara.Registries.Data.Seed.Generation;
using Nara.Registries.Domain;

namespace Nara.Registries.Tests.Seeding;

public sealed class ResidentNumberTests
{
    [Property(MaxTest = 500)]
    public Property The_check_digit_follows_the_weighted_mod_11_rule_for_any_twelve_digits()
    {
        var digits = Gen.Choose(0, 9).ArrayOf(12).ToArbitrary();
        return Prop.ForAll(digits, d =>
        {
            int[] weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
            var expected = (11 - (d.Select((x, i) => x * weights[i]).Sum() % 11)) % 10;
            return ResidentNumbers.CheckDigit(d) == expected;
        });
    }

    [Property(MaxTest = 500)]
    public Property A_formatted_number_is_valid_and_encodes_its_birth_date_sex_and_nationality()
    {
        var cases = (from day in Gen.Choose(0, 45_000)
                     from female in Gen.Elements(false, true)
                     from foreign in Gen.Elements(false, true)
                     from serial in Gen.Choose(0, 99_999)
                     select (Birth: new DateOnly(1905, 1, 1).AddDays(day), Sex: female ? Sex.Female : Sex.Male, Foreign: foreign, Serial: serial)).ToArbitrary();
        return Prop.ForAll(cases, c =>
        {
            var number = ResidentNumbers.Format(c.Birth, ResidentNumbers.SexDigit(c.Birth, c.Sex, c.Foreign), c.Serial);
            return ResidentNumbers.IsValid(number)
                && ResidentNumbers.BirthDate(number) == c.Birth
                && ResidentNumbers.SexOf(number) == c.Sex
                && ResidentNumbers.IsForeigner(number) == c.Foreign;
        });
    }

    [Theory]
    [InlineData("930514-2101236", true)]
    [InlineData("930514-2101237", false)]
    [InlineData("931314-2101236", false)]
    [InlineData("9305142101236", false)]
    public void Known_numbers_are_accepted_or_refused(string number, bool valid) => Assert.Equal(valid, ResidentNumbers.IsValid(number));

    [Fact]
    public void Business_numbers_carry_the_nts_check_digit()
    {
        Assert.True(BusinessNumbers.IsValid("124-81-00998"));
        Assert.False(BusinessNumbers.IsValid("124-81-00997"));
        Assert.True(BusinessNumbers.IsValid(BusinessNumbers.Format(617, 23, 4512)));
    }
}
