using Nara.Exchange.Contracts;

namespace Nara.Exchange.Features.Mediation;

/// <summary>
/// <see cref="IExchangeClient"/>: the platform's own modules call the mediator in-process with the same checks,
/// signature and access log as an agency over <c>/r1/…</c>. The calling subsystem still needs its access right
/// and the data subject's consent; only the authentication is implied (the module is part of the platform).
/// </summary>
internal sealed class ExchangeClient(Mediate mediate) : IExchangeClient
{
    public async Task<ExchangeResult> RequestAsync(ExchangeCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = request;
        var mediation = new MediationRequest(
            call.Client, null, [Mediate.Scope], call.Client, call.Service, "GET", "", null, call.UserId, call.Issue, call.Purpose,
            call.ConsentRecordId?.ToString("D"), null, call.SubjectResidentId, call.Attributes, [], null, InProcess: true, call.OnBehalfOf, call.UserRole);
        var outcome = await mediate.ExecuteAsync(mediation, cancellationToken);
        return new ExchangeResult(outcome.ExchangeId, outcome.Allowed, outcome.Refusal, outcome.Detail,
            outcome.Data ?? new Dictionary<string, string>());
    }
}
