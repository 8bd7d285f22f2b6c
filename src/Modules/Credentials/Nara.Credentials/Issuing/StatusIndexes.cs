using System.Collections;
using System.Security.Cryptography;

namespace Nara.Credentials.Issuing;

/// <summary>
/// Which entries of the current status list are taken, kept in memory (2^17 bits, 16 KiB) so that an issuance draws a
/// free random index without asking the database first. Loaded from <c>credentials_issued</c> on first use; a draw marks
/// the index taken at once, so two issuances on this host never get the same one. Another host sharing the database
/// does not see these marks: its issuance can take an index this host also draws, and then the unique index on (list,
/// index) refuses the second insert — the minter calls <see cref="Reload"/> and draws again, and the next draw merges
/// the database's entries into the marks (never clearing one: rows of issued credentials are never deleted). An index
/// whose insert failed for another reason stays marked until the process restarts: unused, never handed out twice.
/// </summary>
internal sealed class StatusIndexes
{
    private readonly Lock _gate = new();
    private BitArray? _taken;
    private int _count;
    private bool _stale = true;

    /// <summary>True when the marks must be (re)read from the database before the next draw.</summary>
    public bool NeedsLoad => Volatile.Read(ref _stale);

    /// <summary>Merges the taken indices read from the database into the marks.</summary>
    public void Load(IEnumerable<int> taken)
    {
        lock (_gate)
        {
            _taken ??= new BitArray(StatusLists.Capacity);
            foreach (var index in taken)
            {
                if (index is >= 0 and < StatusLists.Capacity && !_taken[index])
                {
                    _taken[index] = true;
                    _count++;
                }
            }

            _stale = false;
        }
    }

    /// <summary>After a unique-index refusal: another host took an index; read the database's entries again before the next draw.</summary>
    public void Reload() => Volatile.Write(ref _stale, true);

    /// <summary>A free index drawn at random, now marked taken; null when the list is full.</summary>
    public int? Take()
    {
        lock (_gate)
        {
            var taken = _taken ?? throw new InvalidOperationException("Load the taken indices first.");
            if (_count >= StatusLists.Capacity)
            {
                return null;
            }

            // Random draws until a free one (fewer than 8 on average while at most 7/8 are taken); when the list is
            // nearly full, the first free entry after a random start. Either way the index says nothing about when or
            // to whom the credential was issued.
            var index = RandomNumberGenerator.GetInt32(StatusLists.Capacity);
            for (var draw = 1; taken[index] && draw < 64; draw++)
            {
                index = RandomNumberGenerator.GetInt32(StatusLists.Capacity);
            }

            while (taken[index])
            {
                index = (index + 1) % StatusLists.Capacity;
            }

            taken[index] = true;
            _count++;
            return index;
        }
    }
}
