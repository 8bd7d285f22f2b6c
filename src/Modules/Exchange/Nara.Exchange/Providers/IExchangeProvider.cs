using Nara.Exchange.Domain;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Providers;

/// <summary>Answers one kind of service (<see cref="ProviderKinds"/>) once the mediator has allowed the request.</summary>
internal interface IExchangeProvider
{
    string Kind { get; }

    /// <summary>Whether a request must name a data subject the registries know.</summary>
    bool NeedsSubject { get; }

    /// <summary>The attributes this provider can answer; null when the provider (an agency API) decides.</summary>
    IReadOnlyList<string>? KnownAttributes { get; }

    Task<ProviderAnswer> AnswerAsync(ProviderCall call, CancellationToken cancellationToken);
}

/// <param name="Attributes">The attributes allowed to be released; the provider returns no others.</param>
/// <param name="Subject">The subject's registry summary the mediator already read for this request, if it did.</param>
internal sealed record ProviderCall(
    ExchangeService Service,
    long? SubjectResidentId,
    IReadOnlyList<string> Attributes,
    string Method,
    string ProviderPath,
    byte[] Body,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    ResidentSummary? Subject = null);

/// <param name="Data">Attribute values (registry providers); keys are attribute names, or "attribute.part" for parts of one.</param>
/// <param name="RawBody">A proxied body (HTTP providers).</param>
internal sealed record ProviderAnswer(int Status, IReadOnlyDictionary<string, string>? Data, byte[]? RawBody = null, string? ContentType = null)
{
    /// <summary>The subject the service needs is not in the registry.</summary>
    public static ProviderAnswer NoSubject { get; } = new(404, null);
}

/// <summary>The provider did not answer within the service's timeout.</summary>
internal sealed class ProviderTimeoutException(string message) : Exception(message);

/// <summary>The provider answered with something the mediator cannot pass on (network error, 5xx).</summary>
internal sealed class ProviderFailedException(string message, Exception? inner = null) : Exception(message, inner);
