using Nara.Credentials.Issuing;

namespace Nara.Credentials.Tests;

/// <summary>This host's marks of the taken status-list entries: no index twice, none the database already holds.</summary>
public sealed class StatusIndexesTests
{
    [Fact]
    public void Every_index_of_the_list_is_handed_out_once_and_then_the_list_is_full()
    {
        var indexes = new StatusIndexes();
        indexes.Load([]);

        var drawn = new HashSet<int>();
        for (var i = 0; i < StatusLists.Capacity; i++)
        {
            Assert.True(drawn.Add(indexes.Take()!.Value));
        }

        Assert.Null(indexes.Take());
        Assert.Equal(0, drawn.Min());
        Assert.Equal(StatusLists.Capacity - 1, drawn.Max());
    }

    [Fact]
    public void Indices_already_in_the_database_are_never_drawn()
    {
        int[] free = [5, 70_000, StatusLists.Capacity - 1];
        var indexes = new StatusIndexes();
        indexes.Load(Enumerable.Range(0, StatusLists.Capacity).Except(free));

        Assert.Equal(free, new[] { indexes.Take()!.Value, indexes.Take()!.Value, indexes.Take()!.Value }.Order());
        Assert.Null(indexes.Take());
    }

    [Fact]
    public void After_a_collision_the_databases_entries_are_merged_and_this_hosts_own_draws_stay_taken()
    {
        var indexes = new StatusIndexes();
        Assert.True(indexes.NeedsLoad);
        indexes.Load([]);
        var mine = indexes.Take()!.Value;

        indexes.Reload();
        Assert.True(indexes.NeedsLoad);
        // The database (another host's issuances) holds every index but two; this host's draw is not committed yet.
        var other = (mine + 1) % StatusLists.Capacity;
        indexes.Load(Enumerable.Range(0, StatusLists.Capacity).Where(i => i != mine && i != other));

        Assert.False(indexes.NeedsLoad);
        Assert.Equal(other, indexes.Take());
        Assert.Null(indexes.Take());
    }
}
