using System.Globalization;
using Nara.Kernel.Localization;
using Nara.Kernel.Time;
using Nara.Notifications.Contracts;

namespace Nara.Notifications.Pages;

/// <summary>Names of kinds and channels, and times, as citizens read them.</summary>
internal static class CitizenText
{
    public static string Kind(string kind) => kind switch
    {
        NotificationKinds.Benefits => Bilingual.L("혜택 안내", "Benefits"),
        NotificationKinds.DueDates => Bilingual.L("기한 안내", "Due dates"),
        NotificationKinds.CaseUpdates => Bilingual.L("신청·민원 진행", "Case updates"),
        NotificationKinds.DisasterAlerts => Bilingual.L("재난 알림", "Disaster alerts"),
        NotificationKinds.Security => Bilingual.L("보안 알림", "Security"),
        _ => Bilingual.L("일반 안내", "General"),
    };

    public static string KindHint(string kind) => kind switch
    {
        NotificationKinds.Benefits => Bilingual.L("받을 수 있는 지원금·서비스를 알려 드립니다.", "Support and services you may be entitled to."),
        NotificationKinds.DueDates => Bilingual.L("신고·납부·갱신 기한이 다가오면 알려 드립니다.", "Reminders before filing, payment and renewal deadlines."),
        NotificationKinds.CaseUpdates => Bilingual.L("신청하신 일의 처리 상황을 알려 드립니다.", "Progress on applications you made."),
        NotificationKinds.DisasterAlerts => Bilingual.L("방해 금지 시간에도 보냅니다. 위급 재난 문자는 법에 따라 설정과 관계없이 모든 방법으로 보냅니다.", "Sent during quiet hours too. By law, critical disaster alerts go out on every channel whatever you choose here."),
        NotificationKinds.Security => Bilingual.L("로그인 확인 코드 등은 끌 수 없으며 방해 금지 시간에도 보냅니다. 하나 이상 고르세요.", "Sign-in codes and the like cannot be switched off and are sent during quiet hours too. Choose at least one."),
        _ => Bilingual.L("그 밖의 안내입니다.", "Other notices."),
    };

    public static string Channel(string channel) => channel switch
    {
        NotificationChannels.Inbox => Bilingual.L("알림함(누리집)", "Inbox (this website)"),
        NotificationChannels.Email => Bilingual.L("이메일", "Email"),
        NotificationChannels.Sms => Bilingual.L("문자(SMS)", "Text message (SMS)"),
        _ => Bilingual.L("푸시 알림(등록한 기기)", "Push (registered devices)"),
    };

    /// <summary>Korea time, written the same way in both languages.</summary>
    public static string Time(DateTimeOffset utc) =>
        KoreaTime.ToSeoul(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string IsoTime(DateTimeOffset utc) =>
        KoreaTime.ToSeoul(utc).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
