using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Api;
using Nara.Consent.Data;
using Nara.Consent.Domain;
using Nara.Consent.Signing;

namespace Nara.Consent.Features;

/// <summary>One consent on the dashboard: the record, the agreement as it was when consent was given, and its controller's current state.</summary>
internal sealed record MyConsent(ConsentRecord Record, DataAgreementShape Given, bool AgreementLive);

/// <summary>An agreement the citizen may consent to: purpose, controller and the data items (Korean, English).</summary>
internal sealed record ConsentOffer(Guid AgreementId, string PurposeKo, string Purpose, string Controller, IReadOnlyList<(string Ko, string En)> Items);

/// <summary>The citizen's own consents (what, to whom, why, until when) and their signed receipts.</summary>
internal sealed class MyConsents(ConsentDbContext db, RecordQueries records, ConsentSigningKey key, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyConsent>> ListAsync(string individualId, CancellationToken ct)
    {
        var list = await db.ConsentRecords.AsNoTracking().Where(r => r.IndividualId == individualId).ToListAsync(ct);
        var revisionIds = list.Select(r => r.DataAgreementRevisionId).ToList();
        var agreementIds = list.Select(r => r.DataAgreementId).ToList();
        var snapshots = await db.Revisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.SerializedSnapshot, ct);
        var live = await db.DataAgreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Active && !a.Deleted, ct);
        return [.. list
            .Where(r => snapshots.ContainsKey(r.DataAgreementRevisionId))
            .Select(r => new MyConsent(r, JsonSerializer.Deserialize<DataAgreementShape>(snapshots[r.DataAgreementRevisionId], JsonSerializerOptions.Web)!, live.GetValueOrDefault(r.DataAgreementId)))
            .OrderByDescending(c => c.Record.OptIn).ThenByDescending(c => c.Record.UpdatedAt)];
    }

    /// <summary>Agreements that ask for consent and that the citizen has never answered: what they may opt in to.</summary>
    public async Task<IReadOnlyList<ConsentOffer>> OffersAsync(string individualId, CancellationToken ct)
    {
        var answered = db.ConsentRecords.Where(r => r.IndividualId == individualId).Select(r => r.DataAgreementId);
        var open = await db.DataAgreements.AsNoTracking()
            .Where(a => a.Active && !a.Deleted && a.Lifecycle == DataAgreementLifecycles.Complete && a.LawfulBasis == "consent" && !answered.Contains(a.Id))
            .OrderBy(a => a.ControllerName).ThenBy(a => a.PurposeKo).ToListAsync(ct);
        return [.. open.Select(a => new ConsentOffer(a.Id, a.PurposeKo, a.Purpose, a.ControllerName, [.. a.Attributes.Select(x => (x.DescriptionKo ?? x.Description, x.Description))]))];
    }

    public async Task<MyConsent?> FindAsync(string individualId, Guid recordId, CancellationToken ct) =>
        (await ListAsync(individualId, ct)).FirstOrDefault(c => c.Record.Id == recordId);

    /// <summary>The receipt: the record, what was agreed to, the head revision and the platform's signature, with the key to check it.</summary>
    public async Task<object?> ReceiptAsync(string individualId, Guid recordId, CancellationToken ct)
    {
        if (await FindAsync(individualId, recordId, ct) is not { } consent || await records.CurrentAsync(recordId, ct) is not { } current)
        {
            return null;
        }

        return new
        {
            receiptType = "nara-consent-receipt/1",
            issuedAt = ConsentSnapshot.Time(clock.GetUtcNow()),
            consentRecord = ConsentRecordShape.Of(current.Record),
            dataAgreement = consent.Given,
            revision = RevisionShape.Of(current.Revision),
            signature = SignatureShape.Of(current.Signature),
            signingKey = key.Keys.FirstOrDefault(k => k.KeyId == current.Signature.KeyId)?.Jwk() ?? key.Jwk,
            howToVerify = "Check signature.verificationPayload (a compact JWS, ES256) with signingKey (also at /api/consent/signing-key); "
                + "its payload names revision.id and revision.serializedHash = SHA-256(revision.predecessorHash + \"\\n\" + revision.serializedSnapshot).",
        };
    }
}
