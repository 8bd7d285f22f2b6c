using Nara.Consent.Domain;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// Words of the webhook administration page in the reader's language. The use cases answer in English field
/// errors (they serve the API too); the page says the same thing plainly, field by field.
/// </summary>
internal static class WebhookTexts
{
    public static string Event(string type) => type switch
    {
        WebhookEvents.ConsentAllowed => L("동의함", "Consent given"),
        WebhookEvents.ConsentDisallowed => L("동의 철회", "Consent withdrawn"),
        WebhookEvents.ConsentForgotten => L("동의 기록 삭제 (잊힐 권리)", "Consent records forgotten (right to be forgotten)"),
        WebhookEvents.DataAgreementChanged => L("데이터 제공 약정 변경", "Data agreement changed"),
        WebhookEvents.Ping => L("연결 시험", "Test event"),
        _ => type,
    };

    public static string Status(string? status) => status switch
    {
        WebhookStatuses.Pending => L("보내는 중", "Sending"),
        WebhookStatuses.Delivered => L("전달됨", "Delivered"),
        WebhookStatuses.Failed => L("실패", "Failed"),
        null => L("아직 없음", "None yet"),
        _ => status,
    };

    /// <summary>One plain sentence per refused field, in the order the form shows them.</summary>
    public static IReadOnlyList<string> Errors(IReadOnlyDictionary<string, string[]>? errors) =>
        errors is null ? [] : [.. errors.Keys.Order(StringComparer.Ordinal).Select(Field)];

    private static string Field(string field) => field switch
    {
        "payloadUrl" => L("받을 주소는 https://로 시작하는 전체 주소여야 합니다 (500자 이하, 아이디·비밀번호나 # 조각 없이). 개발·시험 환경에서만 이 컴퓨터(127.0.0.1, localhost)의 http 주소를 쓸 수 있습니다.",
            "The receiving address must be a full address starting with https:// (at most 500 characters, without a user name, password or # fragment). Plain http is only accepted to this computer (127.0.0.1, localhost) in development and testing."),
        "subscribedEvents" => L("받을 알림을 목록에서 하나 이상 고르세요.", "Choose at least one kind of event to receive from the list."),
        "previousSecretValidForHours" => L("이전 비밀키를 함께 쓸 시간은 0에서 168시간(7일) 사이로 입력하세요.", "Enter how long the previous secret stays valid: 0 to 168 hours (7 days)."),
        "organisation" => L("기관에 소속된 공무원만 웹훅을 등록할 수 있습니다.", "Only an official of an agency can register a webhook."),
        _ => L("입력을 확인하세요.", "Check your input."),
    };
}
