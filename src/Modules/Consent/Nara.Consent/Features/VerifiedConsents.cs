using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>
/// Consent records whose revision chain and signature were checked recently, keyed by record id, each with the
/// scope (purpose, attributes, recipients) of the agreement revision it was given to. Exchange verifies the same
/// few records thousands of times a second; the chain, the signature and the scope only change with a new
/// revision, which changes the record's head hash. So a hit still reads the record row (one compiled query, with
/// the agreement's state) and is used only when that row is exactly the one verified — same head hash, opt-in,
/// validity and everything else. A withdrawal (new head) or a row edited without a new revision therefore misses
/// and is checked in full at once; only a change to the stored revisions or signature of an unchanged row can go
/// unseen, for at most <see cref="Window"/>.
/// </summary>
internal sealed class VerifiedConsents(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private const int MaxEntries = 100_000;

    private static readonly Func<ConsentDbContext, Guid, Task<RecordProbe?>> Probe = EF.CompileAsyncQuery(
        (ConsentDbContext db, Guid id) =>
            (from r in db.ConsentRecords.AsNoTracking()
             where r.Id == id
             join a in db.DataAgreements.AsNoTracking() on r.DataAgreementId equals a.Id into agreements
             from a in agreements.DefaultIfEmpty()
             select new RecordProbe(r, a != null && a.Active && !a.Deleted))
            .FirstOrDefault());

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>The record row and whether its agreement is active and not deleted; null when there is no such record.</summary>
    public static Task<RecordProbe?> ReadAsync(ConsentDbContext db, Guid recordId) => Probe(db, recordId);

    /// <summary>The scope verified for exactly this row, when it was verified within the window.</summary>
    public ConsentScope? Find(ConsentRecord row)
    {
        if (_entries.TryGetValue(row.Id, out var entry)
            && clock.GetUtcNow() - entry.VerifiedAt < Window
            && SameRow(entry.Record, row))
        {
            return entry.Scope;
        }

        return null;
    }

    /// <summary>Remembers a record whose chain and signature verified, and the scope of its agreement revision.</summary>
    public void Remember(ConsentRecord record, ConsentScope scope)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[record.Id] = new Entry(record, scope, clock.GetUtcNow());
    }

    private static bool SameRow(ConsentRecord a, ConsentRecord b) =>
        a.Id == b.Id
        && string.Equals(a.HeadHash, b.HeadHash, StringComparison.Ordinal)
        && a.RevisionCount == b.RevisionCount
        && a.OptIn == b.OptIn
        && a.ValidFrom == b.ValidFrom
        && a.ValidUntil == b.ValidUntil
        && a.WithdrawnAt == b.WithdrawnAt
        && string.Equals(a.IndividualId, b.IndividualId, StringComparison.Ordinal)
        && a.DataAgreementId == b.DataAgreementId
        && a.DataAgreementRevisionId == b.DataAgreementRevisionId
        && string.Equals(a.DataAgreementRevisionHash, b.DataAgreementRevisionHash, StringComparison.Ordinal)
        && a.DataAgreementVersion == b.DataAgreementVersion
        && string.Equals(a.State, b.State, StringComparison.Ordinal)
        && a.SignatureId == b.SignatureId
        && a.CreatedAt == b.CreatedAt
        && a.UpdatedAt == b.UpdatedAt;

    private sealed record Entry(ConsentRecord Record, ConsentScope Scope, DateTimeOffset VerifiedAt);
}

/// <summary>A consent record row and whether its agreement currently takes effect (active, not deleted).</summary>
internal sealed record RecordProbe(ConsentRecord Record, bool AgreementActive);

/// <summary>What a consent covers, from the agreement revision it was given to.</summary>
internal sealed record ConsentScope(string PurposeCode, IReadOnlySet<string> Attributes, IReadOnlyList<string> Recipients, string Delivery);
