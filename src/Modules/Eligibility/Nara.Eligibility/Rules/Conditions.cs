using System.Globalization;
using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Rules;

/// <summary>
/// The conditions the demo rules are made of, each evaluated into a <see cref="Check"/> whose
/// sentence carries the values and, for limits, the parameter's citation: "income 2,610,000 is above
/// the limit 2,280,000 (기초연금법 시행령, 2025)".
/// </summary>
internal static class Conditions
{
    public static string Number(decimal value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>min ≤ age (in years) ≤ max; max null = no upper bound.</summary>
    public static Check AgeYears(Calc calc, string id, ParameterUse min, ParameterUse? max)
    {
        var mark = calc.MissingMark;
        var age = calc.Get<long>("age");
        if (age is null)
        {
            return Unknown(calc, id, mark, "나이를 알 수 없습니다 (생년월일 없음)", "age is unknown (no birth date)");
        }

        var holds = age >= min.Value && (max is null || age <= max.Value);
        var range = max is null ? $"{Number(min.Value)}세 이상" : $"{Number(min.Value)}~{Number(max.Value)}세";
        var rangeEn = max is null ? $"{Number(min.Value)} or over" : $"{Number(min.Value)} to {Number(max.Value)}";
        return holds
            ? new Check(id, true, $"나이 {age}세: {range}에 해당합니다", $"age {age} is {rangeEn}", [])
            : new Check(id, false, $"나이 {age}세: {range}가 아닙니다", $"age {age} is not {rangeEn}", []);
    }

    /// <summary>min ≤ age in months ≤ max (a child not yet born fails: its age is negative).</summary>
    public static Check AgeMonths(Calc calc, string id, decimal min, ParameterUse max)
    {
        var mark = calc.MissingMark;
        var months = calc.Get<long>("age_months");
        if (months is null)
        {
            return Unknown(calc, id, mark, "월령을 알 수 없습니다 (생년월일 없음)", "age in months is unknown (no birth date)");
        }

        if (months < 0)
        {
            return new Check(id, false, "아직 태어나지 않았습니다", "not yet born", []);
        }

        var holds = months >= min && months <= max.Value;
        var range = $"{Number(min)}~{Number(max.Value)}개월";
        var rangeEn = $"{Number(min)} to {Number(max.Value)} months";
        return holds
            ? new Check(id, true, $"월령 {months}개월: {range}에 해당합니다", $"age {months} months is within {rangeEn}", [])
            : new Check(id, false, $"월령 {months}개월: {range}가 아닙니다", $"age {months} months is outside {rangeEn}", []);
    }

    /// <summary>The household's recognised income is at or below the limit (inclusive).</summary>
    public static Check IncomeAtMost(Calc household, string id, decimal limit, ParameterUse cite, string? basisKo = null, string? basisEn = null)
    {
        var mark = household.MissingMark;
        var income = household.Get<long>("recognised_income");
        if (income is null)
        {
            return Unknown(household, id, mark, "가구 소득인정액을 알 수 없습니다", "the household's recognised income is unknown");
        }

        var limitKo = basisKo is null ? $"한도 {Number(limit)}원" : $"한도 {Number(limit)}원({basisKo})";
        var limitEn = basisEn is null ? $"the limit {Number(limit)}" : $"the limit {Number(limit)}, {basisEn}";
        return income <= limit
            ? new Check(id, true, $"소득 {Number(income.Value)}원이 {limitKo} 이하입니다 {cite.Citation}", $"income {Number(income.Value)} is within {limitEn} {cite.Citation}", [])
            : new Check(id, false, $"소득 {Number(income.Value)}원이 {limitKo}을 초과합니다 {cite.Citation}", $"income {Number(income.Value)} is above {limitEn} {cite.Citation}", []);
    }

    /// <summary>A percentage-of-median limit: floor(median × rate), so the limit is a whole won.</summary>
    public static Check IncomeWithinMedianShare(Calc household, string id, string rateParameter)
    {
        var rate = household.Parameter(rateParameter);
        var median = household.Get<long>("median_income")!.Value;
        var limit = Math.Floor(median * rate.Value);
        var percent = Number(rate.Value * 100);
        return IncomeAtMost(household, id, limit, rate, $"기준 중위소득 {Number(median)}원의 {percent}%", $"{percent}% of the median income {Number(median)}");
    }

    /// <summary>A yes/no input that must be true.</summary>
    public static Check Flag(Calc calc, string id, string variable, string yesKo, string yesEn, string noKo, string noEn, string unknownKo, string unknownEn)
    {
        var mark = calc.MissingMark;
        return calc.Get<bool>(variable) switch
        {
            true => new Check(id, true, yesKo, yesEn, []),
            false => new Check(id, false, noKo, noEn, []),
            null => Unknown(calc, id, mark, unknownKo, unknownEn),
        };
    }

    /// <summary>A benefit paid for at most &lt;id&gt;.max_months months: some must be left (&lt;id&gt;_months_remaining &gt; 0).</summary>
    public static Check MonthsLeft(Calc calc, string benefit)
    {
        var mark = calc.MissingMark;
        var max = calc.Parameter($"{benefit}.max_months");
        var received = calc.Get<long>($"{benefit}_months_received");
        var left = calc.Get<long>($"{benefit}_months_remaining");
        if (received is null || left is null)
        {
            return Unknown(calc, "months_remaining", mark, "이미 받은 개월 수를 알 수 없습니다", "how many months were already paid is unknown");
        }

        var most = Number(max.Value);
        return left > 0
            ? new Check("months_remaining", true, $"지금까지 {received}개월 받았습니다: 최대 {most}개월 중 {left}개월 남았습니다 {max.Citation}",
                $"paid for {received} months so far: {left} of at most {most} months left {max.Citation}", [])
            : new Check("months_remaining", false, $"이미 {received}개월 받았습니다: 최대 {most}개월을 모두 받았습니다 {max.Citation}",
                $"already paid for {received} months: the maximum of {most} months is used up {max.Citation}", []);
    }

    public static Check Unknown(Calc calc, string id, int mark, string ko, string en) =>
        new(id, null, ko, en, calc.MissingSince(mark));

    /// <summary>Kleene "or" over values: true if any is true, else unknown if any is unknown, else false.</summary>
    public static bool? Any(IEnumerable<bool?> values)
    {
        var unknown = false;
        foreach (var value in values)
        {
            if (value == true)
            {
                return true;
            }

            unknown |= value is null;
        }

        return unknown ? null : false;
    }
}
