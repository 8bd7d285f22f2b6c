using Nara.Notifications.Contracts;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Templates;

/// <summary>
/// Templates that Nara's own modules send with. Seeded as version 1, and found here when the database
/// has none yet, so a module's message never fails for want of seeding.
/// </summary>
internal static class BuiltInTemplates
{
    public const string Agency = "NARA";
    public const string EnrolmentCode = "identity.enrolment-code";

    /// <summary>The GovStack Messaging API sends a title and content of its own: this template carries them.</summary>
    public const string GovStackEmail = "govstack.email";

    public static IReadOnlyList<NotificationTemplate> All { get; } =
    [
        new()
        {
            Id = EnrolmentCode,
            Version = 1,
            AgencyCode = Agency,
            Name = "본인 확인 코드 (Enrolment code)",
            Kind = NotificationKinds.Security,
            SubjectKo = "나라 본인 확인 코드",
            BodyKo = "((name))님, 안녕하세요.\n\n나라 본인 확인 코드는 ((code))입니다. 10분 안에 입력해 주세요.\n\n직접 요청하지 않았다면 이 메시지를 무시하세요. 코드를 다른 사람에게 알려 주지 마세요.",
            SmsBodyKo = "[나라] 본인 확인 코드 ((code)). 타인에게 알려 주지 마세요.",
            SubjectEn = "Your Nara verification code",
            BodyEn = "Hello ((name)),\n\nYour Nara verification code is ((code)). Enter it within 10 minutes.\n\nIf you did not ask for this code, ignore this message. Never share the code with anyone.",
            SmsBodyEn = "[Nara] Verification code ((code)). Never share it.",
            CreatedBy = "system",
        },
        new()
        {
            Id = GovStackEmail,
            Version = 1,
            AgencyCode = Agency,
            Name = "GovStack 메시지 (GovStack message)",
            Kind = NotificationKinds.General,
            SubjectKo = "((title))",
            BodyKo = "((content))",
            SubjectEn = "((title))",
            BodyEn = "((content))",
            CreatedBy = "system",
        },
    ];
}
