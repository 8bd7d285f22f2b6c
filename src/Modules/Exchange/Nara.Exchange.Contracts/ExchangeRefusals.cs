namespace Nara.Exchange.Contracts;

/// <summary>
/// Why the mediator refused or failed a request. Stable: clients switch on them (they are the last segment
/// of the problem type <c>https://nara.go.kr/problems/exchange/{reason}</c> and the <c>X-Road-Error</c> header).
/// The consent reasons are Consent's <c>ConsentRefusals</c> prefixed with <c>consent-</c>.
/// </summary>
public static class ExchangeRefusals
{
    public const string Unauthenticated = "unauthenticated";
    public const string MissingClient = "missing-client";
    public const string ForgedClient = "forged-client";
    public const string BadRequest = "bad-request";
    public const string UnknownService = "unknown-service";
    public const string ServiceDisabled = "service-disabled";
    public const string AccessDenied = "access-denied";
    public const string MissingPurpose = "missing-purpose";
    public const string PurposeNotAllowed = "purpose-not-allowed";
    public const string AttributeNotOffered = "attribute-not-offered";
    public const string UnknownSubject = "unknown-subject";
    public const string ConsentRequired = "consent-required";
    public const string ProviderTimeout = "provider-timeout";
    public const string ProviderError = "provider-error";

    public const string ProblemBase = "https://nara.go.kr/problems/exchange/";

    /// <summary>The refusal for a consent verdict: <c>consent-withdrawn</c>, <c>consent-expired</c>…</summary>
    public static string Consent(string consentRefusal) => "consent-" + consentRefusal;
}
