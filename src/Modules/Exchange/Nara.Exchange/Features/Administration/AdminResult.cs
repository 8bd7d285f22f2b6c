namespace Nara.Exchange.Features.Administration;

/// <summary>How a configuration change ended; the API turns it into a status and problem details, the page into a message.</summary>
internal sealed record AdminResult(AdminStatus Status, string? Field = null, string? Message = null, string? Id = null)
{
    public static AdminResult Done(string id) => new(AdminStatus.Done, Id: id);

    public static AdminResult Invalid(string field, string message) => new(AdminStatus.Invalid, field, message);

    public static AdminResult Missing(string message) => new(AdminStatus.NotFound, Message: message);

    public static AdminResult Denied { get; } = new(AdminStatus.Forbidden, Message: "You may change only your own agency's member.");

    public static AdminResult Clash(string message) => new(AdminStatus.Conflict, Message: message);
}

internal enum AdminStatus
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}
