using System.Text.RegularExpressions;
using MimeKit;

namespace Nara.Notifications.Features;

/// <summary>Checks and normalises recipients' addresses before anything is queued.</summary>
internal static partial class Addresses
{
    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    // Korean mobile numbers: 010, 011, 016, 017, 018, 019 and 7 or 8 more digits.
    [GeneratedRegex(@"^01[016789]\d{7,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex KoreanMobile();

    public static bool IsEmail(string? address) =>
        address is { Length: > 2 and <= 254 }
        && EmailShape().IsMatch(address)
        && MailboxAddress.TryParse(address, out _);

    /// <summary>Digits only, +82 turned into the domestic 0; null when it is not a Korean mobile number.</summary>
    public static string? NormalizeMobile(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var digits = new string([.. number.Where(c => c is not ('-' or ' ' or '(' or ')'))]);
        if (digits.StartsWith("+82", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }

        return KoreanMobile().IsMatch(digits) ? digits : null;
    }
}
