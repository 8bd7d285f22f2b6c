using System.Globalization;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Domain.Forms;

namespace Nara.Services.Tests;

public class FieldValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static FormField Field(string type, bool required = true, decimal? min = null, decimal? max = null) =>
        new("f", new LocalText("항목", "Field"), type, required, Min: min, Max: max,
            Options: type == FieldTypes.Choice ? [new FormOption("a", new LocalText("가", "A"))] : null);

    [Theory]
    [InlineData(FieldTypes.Phone, "010-1234-5678", true)]
    [InlineData(FieldTypes.Phone, "01012345678", true)]
    [InlineData(FieldTypes.Phone, "12-34", false)]
    [InlineData(FieldTypes.Email, "name@example.kr", true)]
    [InlineData(FieldTypes.Email, "name@", false)]
    [InlineData(FieldTypes.BankAccount, "123456-01-123456", true)]
    [InlineData(FieldTypes.BankAccount, "12-34", false)]
    [InlineData(FieldTypes.BankAccount, "1234abcd5678", false)]
    [InlineData(FieldTypes.Money, "1,500,000", true)]
    [InlineData(FieldTypes.Money, "-5", false)]
    [InlineData(FieldTypes.Number, "3", true)]
    [InlineData(FieldTypes.Number, "three", false)]
    [InlineData(FieldTypes.Date, "2026-02-30", false)]
    [InlineData(FieldTypes.Date, "2026-02-20", true)]
    [InlineData(FieldTypes.Choice, "a", true)]
    [InlineData(FieldTypes.Choice, "z", false)]
    [InlineData(FieldTypes.YesNo, "yes", true)]
    [InlineData(FieldTypes.YesNo, "maybe", false)]
    public void Typed_fields_accept_good_values_and_refuse_bad_ones(string type, string value, bool ok)
    {
        Assert.Equal(ok, FieldValidator.Check(Field(type), value, Today, out _) is null);
    }

    [Fact]
    public void Money_is_stored_without_commas_and_dates_are_checked_against_days_from_today()
    {
        Assert.Null(FieldValidator.Check(Field(FieldTypes.Money), "1,500,000원", Today, out var money));
        Assert.Equal("1500000", money);
        Assert.NotNull(FieldValidator.Check(Field(FieldTypes.Date, min: -30, max: 0), "2026-01-01", Today, out _));
        Assert.NotNull(FieldValidator.Check(Field(FieldTypes.Date, min: -30, max: 0), "2026-03-03", Today, out _));
    }

    [Fact]
    public void A_required_field_left_empty_is_named_in_the_readers_language()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Field: enter a value.", FieldValidator.Check(Field(FieldTypes.Text), " ", Today, out _));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
            Assert.Equal("항목: 입력하세요.", FieldValidator.Check(Field(FieldTypes.Text), "", Today, out _));
            Assert.Null(FieldValidator.Check(Field(FieldTypes.Text, required: false), "", Today, out _));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
