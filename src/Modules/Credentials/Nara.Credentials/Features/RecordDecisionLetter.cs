using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Kernel.Events;
using Nara.Services.Contracts;

namespace Nara.Credentials.Features;

/// <summary>
/// Services decided a case: keep what the decision letter states so that the applicant can collect it as a
/// credential. Nothing is issued yet (a credential needs the holder's key); a redelivered event changes nothing.
/// </summary>
internal sealed class RecordDecisionLetter(CredentialsDbContext db, IServiceCatalogue catalogue, TimeProvider clock) : IIntegrationEventHandler<ApplicationDecided>
{
    public async Task HandleAsync(IntegrationEventEnvelope<ApplicationDecided> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        if (!await db.MarkProcessedAsync(envelope.MessageId, nameof(RecordDecisionLetter), clock.GetUtcNow(), cancellationToken)
            || await db.DecisionLetters.FindAsync([e.CaseId], cancellationToken) is not null)
        {
            return;
        }

        var service = catalogue.Find(e.ServiceSlug);
        db.DecisionLetters.Add(new DecisionLetter
        {
            CaseId = e.CaseId,
            ApplicationId = e.ApplicationId,
            ApplicantAccountId = e.ApplicantAccountId,
            ApplicantResidentId = e.ApplicantResidentId,
            ServiceSlug = e.ServiceSlug,
            ServiceNameKo = service?.NameKo ?? e.ServiceSlug,
            ServiceNameEn = service?.NameEn ?? e.ServiceSlug,
            Agency = e.Agency,
            Decision = e.Decision,
            DecidedAt = e.DecidedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
