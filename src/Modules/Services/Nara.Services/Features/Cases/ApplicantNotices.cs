using Nara.Notifications.Contracts;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features.Cases;

/// <summary>
/// Messages to the applicant about their case, published through the Services outbox with the change
/// they announce. Written in both languages in one message (the applicant's language preference is
/// the Notifications module's to apply; the GovStack template carries the text as given).
/// </summary>
internal static class ApplicantNotices
{
    public const string Template = "govstack.email";

    public static NotificationRequested InformationRequested(Case c, ServiceDefinition? service, Guid requestId) => Build(
        c,
        $"[나라] {Name(service, c)} 보완 요청 / More information needed",
        $"{Name(service, c)} 신청에 보완할 내용이 있습니다. 나의 신청 페이지에서 확인하고 답해 주세요.\n"
        + $"We need more information for your {NameEn(service, c)} application. Please answer on your application page.\n/my/applications/{c.ApplicationId}",
        $"services:info:{requestId:N}");

    public static NotificationRequested Decided(Case c, ServiceDefinition? service)
    {
        var approved = c.Decision == Nara.Services.Contracts.CaseDecisions.Approved;
        return Build(
            c,
            $"[나라] {Name(service, c)} {(approved ? "승인" : "거절")} / {(approved ? "Approved" : "Rejected")}",
            $"{Name(service, c)} 신청이 {(approved ? "승인되었습니다" : "거절되었습니다")}. 결정 통지서를 나의 신청 페이지에서 내려받을 수 있습니다.\n"
            + $"Your {NameEn(service, c)} application was {(approved ? "approved" : "rejected")}. Download the decision letter from your application page.\n/my/applications/{c.ApplicationId}",
            $"services:decision:{c.Id:N}");
    }

    private static NotificationRequested Build(Case c, string title, string content, string key) => new(
        Template,
        new NotificationRecipient(AccountId: c.ApplicantAccountId),
        new Dictionary<string, string> { ["title"] = title, ["content"] = content },
        NotificationKinds.CaseUpdates,
        key);

    private static string Name(ServiceDefinition? s, Case c) => s?.Name.Ko ?? c.ServiceSlug;

    private static string NameEn(ServiceDefinition? s, Case c) => s?.Name.En ?? c.ServiceSlug;
}
