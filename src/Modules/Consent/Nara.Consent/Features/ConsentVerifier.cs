using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;

namespace Nara.Consent.Features;

/// <summary>
/// The check Exchange runs before releasing data. Scope (purpose, attributes, recipients) is read from the
/// agreement revision the consent was given to, not from the agreement's newest version: a controller that
/// widens an agreement does not widen consent already given. The record row and its agreement's state are read
/// every time; the chain, signature and scope are checked in full unless this exact row was verified within
/// <see cref="VerifiedConsents.Window"/> (a withdrawal writes a new head, so it is refused at once).
/// </summary>
internal sealed class ConsentVerifier(ConsentDbContext db, CheckConsentRecord check, VerifiedConsents verified, TimeProvider clock) : IConsentVerifier
{
    public async Task<ConsentVerdict> VerifyAsync(Guid consentRecordId, string individualId, Guid dataAgreementId, string purpose, IReadOnlyCollection<string> attributes, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var probe = await VerifiedConsents.ReadAsync(db, consentRecordId);
        if (probe is null || probe.Record.IndividualId != individualId || probe.Record.DataAgreementId != dataAgreementId)
        {
            return ConsentVerdict.Refused(ConsentRefusals.Unknown, "No consent record of this individual under this data agreement.");
        }

        var record = probe.Record;
        var scope = verified.Find(record);
        var givenMissing = false;
        if (scope is null)
        {
            var found = await check.ExecuteAsync(consentRecordId, cancellationToken);
            if (found is null || found.Record.IndividualId != individualId || found.Record.DataAgreementId != dataAgreementId)
            {
                return ConsentVerdict.Refused(ConsentRefusals.Unknown, "No consent record of this individual under this data agreement.");
            }

            if (!found.Trustworthy)
            {
                return ConsentVerdict.Refused(ConsentRefusals.Tampered, $"The consent record does not verify: {found.Verification.Problem}.");
            }

            record = found.Record;
            var given = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == record.DataAgreementRevisionId && r.SerializedHash == record.DataAgreementRevisionHash, cancellationToken);
            if (given is null)
            {
                givenMissing = true;
            }
            else
            {
                var shape = JsonSerializer.Deserialize<Api.DataAgreementShape>(given.SerializedSnapshot, JsonSerializerOptions.Web)!;
                scope = new ConsentScope(shape.PurposeCode, shape.DataAttributes.Select(a => a.Name).ToHashSet(StringComparer.Ordinal), shape.Recipients, shape.Delivery);
                verified.Remember(record, scope);
            }
        }

        if (!record.OptIn)
        {
            return ConsentVerdict.Refused(ConsentRefusals.Withdrawn, "The individual withdrew this consent.");
        }

        var now = clock.GetUtcNow();
        if (record.ValidFrom > now || record.ValidUntil <= now)
        {
            return ConsentVerdict.Refused(ConsentRefusals.Expired, "The consent is outside its validity period.");
        }

        if (!probe.AgreementActive)
        {
            return ConsentVerdict.Refused(ConsentRefusals.AgreementInactive, "The data agreement was deactivated or deleted by its controller.");
        }

        if (givenMissing || scope is null)
        {
            return ConsentVerdict.Refused(ConsentRefusals.Tampered, "The agreement revision the consent was given to is missing or changed.");
        }

        if (!string.Equals(scope.PurposeCode, purpose, StringComparison.Ordinal))
        {
            return ConsentVerdict.Refused(ConsentRefusals.PurposeOutOfScope, $"The consent covers the purpose '{scope.PurposeCode}' only.");
        }

        var outside = attributes.FirstOrDefault(a => !scope.Attributes.Contains(a));
        if (attributes.Count == 0 || outside is not null)
        {
            return ConsentVerdict.Refused(ConsentRefusals.AttributeOutOfScope, outside is null
                ? "The request names no attributes."
                : $"The consent does not cover the attribute '{outside}'.");
        }

        if (!scope.Recipients.Contains(recipient, StringComparer.Ordinal))
        {
            return ConsentVerdict.Refused(ConsentRefusals.RecipientMismatch, "The caller is not a recipient the individual consented to.");
        }

        return new ConsentVerdict(true, null, "Consent verified.", record.HeadHash, record.DataAgreementVersion, record.ValidUntil, scope.Delivery);
    }

    public async Task<Guid?> FindActiveConsentAsync(string individualId, Guid dataAgreementId, CancellationToken cancellationToken) =>
        await db.ConsentRecords.AsNoTracking()
            .Where(r => r.IndividualId == individualId && r.DataAgreementId == dataAgreementId && r.OptIn)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
