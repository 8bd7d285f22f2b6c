namespace Nara.Exchange.Features.Mediation;

/// <summary>What the mediator answers: the provider's answer when allowed, or a refusal; always the log id and the request hash.</summary>
/// <param name="Data">The released attributes (registry providers), for in-process callers.</param>
/// <param name="Body">The exact bytes sent to the client (the signature covers their hash).</param>
/// <param name="Signature">The mediator's JWS over the request and response hashes; null for refusals.</param>
internal sealed record MediationOutcome(
    Guid ExchangeId,
    string MessageId,
    string RequestHash,
    int Status,
    string? Refusal,
    string? Detail,
    IReadOnlyDictionary<string, string>? Data,
    byte[] Body,
    string ContentType,
    string? Signature)
{
    public bool Allowed => Refusal is null;
}
