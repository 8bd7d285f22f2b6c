using Microsoft.EntityFrameworkCore;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Audit.Signing;

namespace Nara.Audit.Features;

/// <summary>
/// Checks the signing-key history before any head is trusted: one first key, every later key endorsed by the
/// key it replaced (a chain, no forks), and the same history at the witness as in the database — a key slipped
/// into the database alone is not believed. Answers which key may have signed a head at a given time.
/// </summary>
internal sealed class KeyHistoryCheck
{
    /// <summary>A host that had not yet noticed a rotation may sign with the old key this much longer.</summary>
    public static readonly long GraceMilliseconds = 60_000;

    private readonly Dictionary<string, (SigningKeyRecord Record, long ValidUntil)> _trusted = [];

    private KeyHistoryCheck()
    {
    }

    public static async Task<KeyHistoryCheck> RunAsync(AuditDbContext db, AuditSigningKey current, WitnessStore witness, List<string> problems, CancellationToken cancellationToken)
    {
        var check = new KeyHistoryCheck();
        var records = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            // A log from before key histories: only the key file's own key can have signed it.
            records.Add(new SigningKeyRecord { KeyId = current.KeyId, PublicKey = current.PublicKey, ValidFrom = long.MinValue });
        }

        var roots = records.Where(r => r.PreviousKeyId is null).ToList();
        if (roots.Count != 1)
        {
            problems.Add($"The key history has {roots.Count} first keys; it must have exactly one.");
        }

        var successor = records.Where(r => r.PreviousKeyId is not null).GroupBy(r => r.PreviousKeyId!).ToDictionary(g => g.Key, g => g.ToList());
        // Walk the chain from the first key; only keys reached through valid endorsements are trusted.
        var key = roots.Count == 1 ? roots[0] : null;
        while (key is not null)
        {
            if (AuditKeys.KeyIdOf(key.PublicKey) != key.KeyId)
            {
                problems.Add($"Key {key.KeyId} does not match its public key.");
                break;
            }

            successor.TryGetValue(key.KeyId, out var next);
            if (next is { Count: > 1 })
            {
                problems.Add($"Key {key.KeyId} was replaced by {next.Count} keys; a key is replaced at most once.");
            }

            var following = next is { Count: 1 } ? next[0] : null;
            if (following is not null && !Endorsed(key, following))
            {
                problems.Add($"Key {following.KeyId} claims to replace {key.KeyId} but carries no valid endorsement from it.");
                following = null;
            }

            check._trusted[key.KeyId] = (key, following is null ? long.MaxValue : following.ValidFrom + GraceMilliseconds);
            key = following;
        }

        foreach (var untrusted in records.Where(r => !check._trusted.ContainsKey(r.KeyId)))
        {
            problems.Add($"Key {untrusted.KeyId} is in the key history but not reachable from the first key through endorsements.");
        }

        await CompareWitnessAsync(records, witness, problems, cancellationToken);
        return check;
    }

    /// <summary>Whether <paramref name="keyId"/> was trusted to sign at <paramref name="timestamp"/>; the public key when it was.</summary>
    public byte[]? KeyFor(string keyId, long timestamp) =>
        _trusted.TryGetValue(keyId, out var entry) && timestamp >= entry.Record.ValidFrom && timestamp < entry.ValidUntil
            ? entry.Record.PublicKey
            : null;

    public bool Knows(string keyId) => _trusted.ContainsKey(keyId);

    private static bool Endorsed(SigningKeyRecord previous, SigningKeyRecord next) =>
        next.Endorsement is not null
        && next.ValidFrom > previous.ValidFrom
        && AuditKeys.Verify(previous.PublicKey, AuditKeys.EndorsementInput(previous.KeyId, next.PublicKey, next.ValidFrom), next.Endorsement);

    private static async Task CompareWitnessAsync(List<SigningKeyRecord> records, WitnessStore witness, List<string> problems, CancellationToken cancellationToken)
    {
        var files = await witness.ReadKeysAsync(cancellationToken);
        if (files.Count == 0 && records.All(r => r.ValidFrom == long.MinValue))
        {
            return; // the implicit key of a log from before key histories
        }

        var atWitness = new Dictionary<string, WitnessedKey>();
        foreach (var (file, copy) in files)
        {
            if (copy is null)
            {
                problems.Add($"Witness key file {file} cannot be read.");
                continue;
            }

            atWitness[copy.KeyId] = copy;
        }

        foreach (var record in records.Where(r => r.ValidFrom != long.MinValue))
        {
            if (!atWitness.Remove(record.KeyId, out var copy))
            {
                problems.Add($"Key {record.KeyId} is in the database but the witness never saw it.");
            }
            else if (copy != WitnessedKey.From(record))
            {
                problems.Add($"Key {record.KeyId} differs between the database and the witness.");
            }
        }

        foreach (var missing in atWitness.Keys)
        {
            problems.Add($"The witness holds key {missing}, which the database no longer has.");
        }
    }
}
