namespace Nara.Credentials.Features;

/// <summary>Why a credential was not accepted, in plain Korean and English for the public verification page.</summary>
internal static class RejectionTexts
{
    private static readonly Dictionary<string, (string Ko, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["malformed"] = ("증명서 형식이 아닙니다. 붙여 넣은 내용을 확인하세요.", "This is not a credential. Check what you pasted."),
        ["wrong-type"] = ("나라가 발급하는 종류의 증명서가 아닙니다.", "This is not a kind of credential Nara issues."),
        ["unsupported-algorithm"] = ("지원하지 않는 서명 방식입니다.", "The signature method is not supported."),
        ["unknown-issuer-key"] = ("나라가 공개한 발급 키로 서명되지 않았습니다.", "It was not signed with a key Nara has published."),
        ["bad-signature"] = ("서명이 맞지 않습니다. 발급 후 내용이 바뀌었습니다.", "The signature does not match: the content was changed after issuance."),
        ["malformed-disclosure"] = ("공개한 항목 중 형식이 잘못된 것이 있습니다.", "One of the disclosed items is malformed."),
        ["disclosure-not-referenced"] = ("증명서에 없는 항목이 덧붙어 있습니다.", "An item was added that is not part of the credential."),
        ["duplicate-disclosure"] = ("같은 항목이 두 번 공개되었습니다.", "The same item is disclosed twice."),
        ["duplicate-digest"] = ("증명서 안에 같은 항목 요약값이 두 번 있습니다.", "The credential holds the same item digest twice."),
        ["claim-overwritten"] = ("공개한 항목이 증명서의 다른 내용을 덮어쓰려 합니다.", "A disclosed item tries to overwrite another claim."),
        ["key-binding-missing"] = ("소지자 확인 서명이 없습니다. 증명서를 가진 사람이 직접 제시한 것인지 알 수 없습니다.", "There is no holder signature: it cannot be shown that the holder presented it."),
        ["key-binding-invalid"] = ("소지자 확인 서명이 올바르지 않습니다.", "The holder signature is not valid."),
        ["wrong-audience"] = ("다른 확인 기관에 제시하려고 만든 것입니다.", "It was made for another verifier."),
        ["wrong-nonce"] = ("이번 확인 요청에 대한 답이 아닙니다 (재사용 의심).", "It does not answer this request (possibly replayed)."),
        ["wrong-sd-hash"] = ("소지자가 서명한 뒤 공개 항목이 바뀌었습니다.", "The disclosed items changed after the holder signed."),
        ["key-binding-stale"] = ("소지자 확인 서명이 너무 오래되었습니다. 다시 제시해 달라고 하세요.", "The holder signature is too old: ask for a new presentation."),
        ["expired"] = ("유효 기간이 지났습니다.", "The credential has expired."),
        ["not-yet-valid"] = ("아직 유효 기간이 시작되지 않았습니다.", "The credential is not valid yet."),
        ["revoked"] = ("발급 기관이 취소한 증명서입니다.", "The issuer revoked this credential."),
        ["suspended"] = ("효력이 정지된 증명서입니다 (예: 휴대전화 분실 신고).", "This credential is suspended (for example, a lost phone was reported)."),
        ["status-unavailable"] = ("취소 여부를 확인할 수 없습니다.", "Whether it was revoked cannot be checked."),
        ["age-not-disclosed"] = ("만 19세 이상인지 공개하지 않았습니다.", "It does not disclose whether the holder is 19 or older."),
        ["claims-missing"] = ("요청한 항목을 모두 공개하지 않았습니다.", "Not every requested item was disclosed."),
        ["claims-not-requested"] = ("요청하지 않은 항목까지 보냈습니다. 받지 않았습니다.", "Items that were not asked for were sent; they were not accepted."),
        ["wrong-credential-type"] = ("요청한 종류의 증명서가 아닙니다.", "This is not the kind of credential that was asked for."),
        ["wallet-access_denied"] = ("소지자가 제시를 거절했습니다.", "The holder declined to share."),
    };

    public static (string Ko, string En) For(string? code) =>
        code is not null && Texts.TryGetValue(code, out var text) ? text : ("확인할 수 없습니다.", "It could not be verified.");

    /// <summary>Names of the mobile ID's claims for people; other claims show their own name.</summary>
    public static (string Ko, string En) Claim(string name) => name switch
    {
        "name" => ("이름", "Name"),
        "name_en" => ("영문 이름", "Name (English)"),
        "birthdate" => ("생년월일", "Date of birth"),
        "nationality" => ("국적", "Nationality"),
        "resident_number" => ("주민등록번호", "Resident registration number"),
        "age_over_14" => ("만 14세 이상", "14 or older"),
        "age_over_19" => ("만 19세 이상", "19 or older"),
        "age_over_65" => ("만 65세 이상", "65 or older"),
        "resident_of" => ("거주 시·도 (코드)", "Region of residence (code)"),
        "photo_ref" => ("사진 참조", "Photo reference"),
        "address" => ("주소", "Address"),
        _ => (name, name),
    };
}
