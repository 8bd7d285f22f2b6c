using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Issuing;

/// <summary>
/// The issuer's status lists, computed from the issued credentials' entries: 2 bits per credential (valid, revoked,
/// suspended), <see cref="Capacity"/> entries per list, indices drawn at random so that an index says nothing about
/// when or to whom a credential was issued. Published at <c>/api/credentials/status/{list}</c>.
/// </summary>
internal sealed partial class StatusLists(CredentialsDbContext db, StatusSnapshot snapshot, StatusIndexes indexes) : IStatusLists
{
    public const int Bits = 2;
    public const int Capacity = 1 << 17;
    public const int CurrentList = 1;

    public static string PathOf(int list) => "/api/credentials/status/" + list.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A free random index in the current list, from this host's marks of the taken ones (<see cref="StatusIndexes"/>,
    /// read from the database on first use and after a collision): no query per issuance.
    /// </summary>
    public async Task<(int List, int Index)> AllocateAsync(CancellationToken cancellationToken)
    {
        if (indexes.NeedsLoad)
        {
            indexes.Load(await db.Issued.AsNoTracking().Where(c => c.StatusList == CurrentList).Select(c => c.StatusIndex).ToListAsync(cancellationToken));
        }

        return indexes.Take() is { } index ? (CurrentList, index) : throw new InvalidOperationException("The status list is full.");
    }

    /// <summary>The unique index refused an allocated index (another host sharing the database took it): read the taken ones again.</summary>
    public void Collided() => indexes.Reload();

    public async Task<StatusList> BuildAsync(int list, CancellationToken cancellationToken)
    {
        var statusList = new StatusList(Bits, Capacity);
        var entries = await db.Issued.Where(c => c.StatusList == list && c.Status != StatusList.Valid)
            .Select(c => new { c.StatusIndex, c.Status }).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            statusList[entry.StatusIndex] = entry.Status;
        }

        return statusList;
    }

    /// <summary>The issuer host reads its own entries (from <see cref="StatusSnapshot"/>); other hosts would fetch and cache the published token.</summary>
    public async ValueTask<int?> ResolveAsync(StatusReference reference, CancellationToken cancellationToken)
    {
        if (ListPath().Match(reference.Uri) is not { Success: true } m || !int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var list)
            || reference.Index >= Capacity)
        {
            return null;
        }

        var nonValid = snapshot.Find(list) ?? await LoadNonValidAsync(list, cancellationToken);
        return nonValid.TryGetValue(reference.Index, out var status) ? status : StatusList.Valid;
    }

    private async Task<IReadOnlyDictionary<int, int>> LoadNonValidAsync(int list, CancellationToken cancellationToken)
    {
        var generation = snapshot.Generation;
        var entries = await db.Issued.AsNoTracking().Where(c => c.StatusList == list && c.Status != StatusList.Valid)
            .Select(c => new { c.StatusIndex, c.Status }).ToListAsync(cancellationToken);
        return snapshot.Store(list, generation, entries.Select(e => (e.StatusIndex, e.Status)));
    }

    [GeneratedRegex(@"/api/credentials/status/(\d{1,9})$")]
    private static partial Regex ListPath();
}
