using Nara.Credentials.Features;
using Nara.Credentials.Issuing;

namespace Nara.Credentials.Pages.My.Wallet;

/// <summary>Words the wallet pages share.</summary>
internal static class WalletTexts
{
    public static (string Ko, string En) Status(string status) => status switch
    {
        "valid" => ("유효", "Valid"),
        "expired" => ("기간 만료", "Expired"),
        "revoked" => ("취소됨", "Revoked"),
        "suspended" => ("효력 정지", "Suspended"),
        _ => ("확인할 수 없음", "Cannot be checked"),
    };

    public static (string Ko, string En) Type(WalletItem item) =>
        item.Type is CredentialType t ? (t.NameKo, t.NameEn) : (item.TypeId, item.TypeId);

    public static string Day(DateTimeOffset at) =>
        Nara.Kernel.Time.KoreaTime.ToSeoul(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
