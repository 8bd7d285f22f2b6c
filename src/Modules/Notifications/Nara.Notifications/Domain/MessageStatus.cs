namespace Nara.Notifications.Domain;

/// <summary>The GOV.UK Notify statuses: created → sending → one of the four final ones.</summary>
internal static class MessageStatus
{
    public const string Created = "created";
    public const string Sending = "sending";
    public const string Delivered = "delivered";
    public const string TemporaryFailure = "temporary-failure";
    public const string PermanentFailure = "permanent-failure";
    public const string TechnicalFailure = "technical-failure";

    public static bool IsFinal(string status) =>
        status is Delivered or TemporaryFailure or PermanentFailure or TechnicalFailure;
}
