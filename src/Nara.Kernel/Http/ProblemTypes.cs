namespace Nara.Kernel.Http;

/// <summary>
/// Stable problem-type URIs (RFC 9457). Clients switch on these, so they never change once published;
/// each is described at /problems/{slug} in the API reference.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://nara.go.kr/problems/";

    public const string Validation = Base + "validation";
    public const string BadRequest = Base + "bad-request";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string Internal = Base + "internal";
}
