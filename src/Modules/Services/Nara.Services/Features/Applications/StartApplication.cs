using Microsoft.EntityFrameworkCore;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Forms;

namespace Nara.Services.Features.Applications;

/// <summary>
/// Opens a draft for a service (or bundle), prefilled from registries. The idempotency key comes from
/// the start form: a refresh or a second click finds the draft the first one made.
/// </summary>
internal sealed class StartApplication(ServicesDbContext db, ServiceCatalogue catalogue, PrefillThroughExchange prefill, TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    public async Task<Application?> ExecuteAsync(Applicant applicant, string slug, string idempotencyKey, string channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (catalogue.Get(slug) is not { Form: { } form } service || !service.AppliesOnline
            || string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxKeyLength)
        {
            return null;
        }

        if (await FindAsync(applicant.AccountId, idempotencyKey, ct) is { } existing)
        {
            return existing.ServiceSlug == slug ? existing : null;
        }

        var now = clock.GetUtcNow();
        var applicationId = Guid.CreateVersion7(now);
        var found = await prefill.ReadAsync(form, applicant.ResidentId, service.Agency, applicationId, ct);
        var prefilled = found.Values;
        var application = new Application
        {
            Id = applicationId, ApplicantAccountId = applicant.AccountId, ApplicantResidentId = applicant.ResidentId,
            ServiceSlug = slug, IdempotencyKey = idempotencyKey, Channel = channel, CreatedAt = now, UpdatedAt = now,
            PrefilledJson = Answers.Write(prefilled), AnswersJson = Answers.Write(prefilled), PrefillExchangesJson = Answers.Write(found.Exchanges),
        };
        db.Applications.Add(application);
        if (prefilled.Count > 0 && applicant.ResidentId is { } residentId)
        {
            var sources = form.Steps.SelectMany(s => s.Fields).Where(f => prefilled.ContainsKey(f.Id)).Select(f => f.Prefill!).Distinct().ToList();
            db.Publish(new ApplicationPrefilled(application.Id, slug, applicant.AccountId, residentId, sources, $"application:{slug}", now), now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return application;
        }
        catch (DbUpdateException)
        {
            // The same key was used at the same moment (double click): the other request's draft stands.
            db.ChangeTracker.Clear();
            return await FindAsync(applicant.AccountId, idempotencyKey, ct);
        }
    }

    private Task<Application?> FindAsync(Guid account, string key, CancellationToken ct) =>
        db.Applications.FirstOrDefaultAsync(a => a.ApplicantAccountId == account && a.IdempotencyKey == key, ct);
}
