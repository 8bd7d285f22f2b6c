namespace Nara.Notifications.Templates;

/// <summary>
/// Korean carriers count SMS length in EUC-KR bytes: ASCII is 1 byte, Hangul and other characters 2.
/// Up to 90 bytes is an SMS (단문), up to 2,000 an LMS (장문); longer texts are refused.
/// </summary>
internal static class SmsLength
{
    public const int SmsBytes = 90;
    public const int LmsBytes = 2_000;

    public static int Bytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = 0;
        foreach (var c in text)
        {
            // A surrogate pair (emoji) counts 2 + 2: carriers without EUC-KR code points bill it as two.
            bytes += c < 0x80 ? 1 : 2;
        }

        return bytes;
    }

    /// <summary>"sms", "lms", or null when too long for either.</summary>
    public static string? Class(string text) => Bytes(text) switch
    {
        <= SmsBytes => "sms",
        <= LmsBytes => "lms",
        _ => null,
    };
}
