using System.Globalization;
using Nara.Exchange.Contracts;
using Nara.Kernel.Localization;
using Nara.Kernel.Time;

namespace Nara.Exchange.Features;

/// <summary>The access log in plain words, in the reader's language.</summary>
internal static class AccessTexts
{
    public static string Time(DateTimeOffset utc) => KoreaTime.ToSeoul(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A MyData dataset (Consent's <c>resident</c> or <c>household</c>) in plain words.</summary>
    public static string Dataset(string dataset) => dataset switch
    {
        "resident" => Bilingual.L("주민 정보 (이름, 생년월일, 국적)", "Resident data (name, birth date, nationality)"),
        "household" => Bilingual.L("세대 정보 (주소, 세대원)", "Household data (address, members)"),
        _ => dataset,
    };

    /// <summary>Who at the agency asked: the official's role first (what a citizen can judge), then the id the agency keeps.</summary>
    public static string Official(DataAccessView access) => access switch
    {
        { OfficialRole: { } role, Official: { } id } => Bilingual.L($"담당자 직무: {role} (담당자 ID {id})", $"Official's role: {role} (official's id {id})"),
        { OfficialRole: { } role } => Bilingual.L($"담당자 직무: {role}", $"Official's role: {role}"),
        { Official: { } id } => Bilingual.L($"담당자 ID {id} (직무를 밝히지 않음)", $"Official's id {id} (role not declared)"),
        { AtOwnRequest: true } => Bilingual.L("본인의 신청에 따라", "At your own request"),
        _ => Bilingual.L("담당자를 밝히지 않음", "No official declared"),
    };

    public static string Refusal(string reason) => reason switch
    {
        ExchangeRefusals.ConsentRequired => Bilingual.L("동의 없이 요청함", "Asked without your consent"),
        "consent-withdrawn" => Bilingual.L("철회한 동의로 요청함", "Asked under a consent you withdrew"),
        "consent-expired" => Bilingual.L("기간이 끝난 동의로 요청함", "Asked under an expired consent"),
        "consent-purpose-out-of-scope" => Bilingual.L("동의한 목적과 다름", "Not the purpose you consented to"),
        "consent-attribute-out-of-scope" => Bilingual.L("동의하지 않은 정보를 요청함", "Asked for data you did not consent to"),
        "consent-recipient-mismatch" => Bilingual.L("동의하지 않은 기관이 요청함", "An agency you did not consent to asked"),
        "consent-unknown" => Bilingual.L("확인되지 않는 동의로 요청함", "Named a consent that does not exist"),
        "consent-tampered" => Bilingual.L("동의 기록이 위변조되어 거절함", "The consent record failed its integrity check"),
        "consent-agreement-inactive" => Bilingual.L("중단된 제공 약정", "The data agreement was stopped"),
        ExchangeRefusals.AccessDenied => Bilingual.L("이용 권한 없음", "No access right"),
        ExchangeRefusals.PurposeNotAllowed => Bilingual.L("허용되지 않은 목적", "Purpose not allowed"),
        ExchangeRefusals.ProviderTimeout => Bilingual.L("제공 기관 응답 지연", "The providing agency did not answer in time"),
        ExchangeRefusals.ProviderError => Bilingual.L("제공 기관 오류", "The providing agency failed"),
        _ => reason,
    };
}
