using Microsoft.EntityFrameworkCore;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Audit.Merkle;
using Nara.Audit.Signing;

namespace Nara.Audit.Features;

/// <summary>What `nara audit verify` found. <see cref="FirstBadIndex"/> names the first entry that cannot be trusted.</summary>
/// <param name="Notes">Facts worth knowing that are not tampering, e.g. the newest head not yet at the witness.</param>
public sealed record AuditVerification(long Entries, int Heads, int WitnessFiles, long? FirstBadIndex, IReadOnlyList<string> Problems, IReadOnlyList<string>? Notes = null)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Rebuilds the tree from the stored entry contents alone and checks it against everything that was
/// promised: each stored leaf hash and subtree hash, each signed head (root, signature, order), and the
/// witness copies of the heads. Streams the entries, so memory stays flat at any size.
/// </summary>
internal sealed class VerifyAuditLog(AuditDbContext db, AuditSigningKey key, WitnessStore witness)
{
    private const int PageSize = 10_000;

    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        long? firstBad = null;
        void Bad(long index, string message)
        {
            firstBad = firstBad is null ? index : Math.Min(firstBad.Value, index);
            problems.Add(message);
        }

        // A root that does not match only bounds where the damage starts; a precise finding wins.
        long? suspect = null;
        void Suspect(long index, string message)
        {
            suspect = suspect is null ? index : Math.Min(suspect.Value, index);
            problems.Add(message);
        }

        var keys = await KeyHistoryCheck.RunAsync(db, key, witness, problems, cancellationToken);
        var heads = await db.TreeHeads.AsNoTracking().OrderBy(h => h.TreeSize).ToListAsync(cancellationToken);
        CheckHeads(heads, keys, problems);
        var headAt = heads.ToDictionary(h => h.TreeSize);
        if (headAt.TryGetValue(0, out var empty) && !empty.RootHash.AsSpan().SequenceEqual(MerkleHash.Empty()))
        {
            problems.Add("The head of size 0 does not carry the empty tree's hash.");
        }

        var frontier = new Frontier();
        var lastGoodHead = 0L;
        var gap = false;
        while (!gap)
        {
            var start = frontier.Size;
            var page = await db.Entries.AsNoTracking().Where(e => e.Index >= start).OrderBy(e => e.Index).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var completed = new List<(PerfectRange Range, byte[] Hash)>();
            foreach (var record in page)
            {
                if (record.Index != frontier.Size)
                {
                    Bad(frontier.Size, $"Entry {frontier.Size} is missing (the next stored entry is {record.Index}).");
                    gap = true;
                    break;
                }

                byte[] leaf;
                try
                {
                    leaf = CanonicalEntry.LeafHash(record);
                }
                catch (System.Text.Json.JsonException)
                {
                    Bad(record.Index, $"Entry {record.Index} was changed: its detail is no longer readable.");
                    leaf = record.LeafHash;
                }

                if (!leaf.AsSpan().SequenceEqual(record.LeafHash))
                {
                    Bad(record.Index, $"Entry {record.Index} was changed: its contents no longer match its leaf hash.");
                }

                frontier.Append(leaf, (range, hash) => completed.Add((range, hash)));
                if (headAt.TryGetValue(frontier.Size, out var head))
                {
                    if (head.RootHash.AsSpan().SequenceEqual(frontier.Root()))
                    {
                        lastGoodHead = head.TreeSize;
                    }
                    else
                    {
                        Suspect(lastGoodHead, $"The signed head of size {head.TreeSize} does not match the entries: something in entries {lastGoodHead}..{head.TreeSize - 1} was changed, removed or reordered.");
                    }
                }
            }

            await CheckNodesAsync(completed, Suspect, cancellationToken);
            progress?.Report(frontier.Size);
        }

        var total = frontier.Size;
        foreach (var head in heads.Where(h => h.TreeSize > total))
        {
            Bad(total, $"The signed head of size {head.TreeSize} covers entries from {total} on, which are missing (truncated).");
        }

        var files = await witness.ReadAllAsync(cancellationToken);
        var notes = new List<string>();
        CheckWitness(files, headAt, keys, total, Bad, problems, notes);
        return new AuditVerification(total, heads.Count, files.Count, firstBad ?? suspect, problems, notes);
    }

    private static void CheckHeads(List<TreeHead> heads, KeyHistoryCheck keys, List<string> problems)
    {
        for (var i = 0; i < heads.Count; i++)
        {
            var head = heads[i];
            var input = TreeHeadSignature.Input(head.TreeSize, head.RootHash, head.Timestamp);
            var publicKey = keys.KeyFor(head.KeyId, head.Timestamp);
            if (publicKey is null)
            {
                problems.Add(keys.Knows(head.KeyId)
                    ? $"The head of size {head.TreeSize} is signed with key {head.KeyId} outside the time that key was in use."
                    : $"The head of size {head.TreeSize} is signed with key {head.KeyId}, which is not in the trusted key history.");
            }
            else if (!AuditKeys.Verify(publicKey, input, head.Signature))
            {
                problems.Add($"The signature on the head of size {head.TreeSize} is not valid for key {head.KeyId}.");
            }

            if (i > 0 && head.Timestamp < heads[i - 1].Timestamp)
            {
                problems.Add($"The head of size {head.TreeSize} is older than the head of size {heads[i - 1].TreeSize}: heads must grow over time.");
            }
        }
    }

    private async Task CheckNodesAsync(List<(PerfectRange Range, byte[] Hash)> completed, Action<long, string> bad, CancellationToken cancellationToken)
    {
        foreach (var level in completed.GroupBy(c => c.Range.Level))
        {
            var low = level.Min(c => c.Range.Key);
            var high = level.Max(c => c.Range.Key);
            var stored = await db.Nodes.AsNoTracking().Where(n => n.Id >= low && n.Id <= high).ToDictionaryAsync(n => n.Id, n => n.Hash, cancellationToken);
            foreach (var (range, hash) in level)
            {
                if (!stored.TryGetValue(range.Key, out var found) || !found.AsSpan().SequenceEqual(hash))
                {
                    bad(range.Start, $"The stored subtree over entries {range.Start}..{range.Start + (1L << range.Level) - 1} is missing or differs from the entries (proofs would be wrong).");
                }
            }
        }
    }

    private static void CheckWitness(
        List<(string File, SignedTreeHead? Head)> files, Dictionary<long, TreeHead> headAt, KeyHistoryCheck keys, long total, Action<long, string> bad, List<string> problems, List<string> notes)
    {
        var witnessed = new HashSet<long>();
        foreach (var (file, copy) in files)
        {
            if (copy is null)
            {
                problems.Add($"Witness file {file} cannot be read.");
                continue;
            }

            witnessed.Add(copy.TreeSize);
            var signed = TreeHeadSignature.Input(copy.TreeSize, Convert.FromBase64String(copy.RootHash), copy.Timestamp);
            var publicKey = keys.KeyFor(copy.KeyId, copy.Timestamp);
            if (publicKey is null || !AuditKeys.Verify(publicKey, signed, Convert.FromBase64String(copy.Signature)))
            {
                problems.Add($"Witness file {file} carries an invalid signature.");
            }

            if (!headAt.TryGetValue(copy.TreeSize, out var head))
            {
                bad(Math.Min(copy.TreeSize, total), $"The witness holds a head of size {copy.TreeSize} that the database no longer has (deleted or rewound).");
            }
            else if (SignedTreeHead.From(head) != copy)
            {
                bad(Math.Min(copy.TreeSize, total), $"The head of size {copy.TreeSize} differs between the database and witness file {file}.");
            }
        }

        // The signer sends heads the witness missed (a crash after the database commit) before it signs the next,
        // so only heads newer than the newest witnessed one may lack a copy; behind it, a missing copy was removed.
        var newestWitnessed = witnessed.Where(headAt.ContainsKey).DefaultIfEmpty(-1).Max();
        foreach (var size in headAt.Keys.Where(s => !witnessed.Contains(s)).Order())
        {
            if (size > newestWitnessed)
            {
                notes.Add($"The head of size {size} is not at the witness yet; the signer sends it before the next head.");
            }
            else
            {
                problems.Add($"The head of size {size} has no witness copy, though later heads do: the copy was removed.");
            }
        }
    }
}
