using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Nara.Kernel.Data;

namespace Nara.Kernel.Tests;

public sealed class GateRow
{
    public int Id { get; set; }

    public string What { get; set; } = "";
}

public sealed class GateContext(DbContextOptions<GateContext> options) : DbContext(options)
{
    public DbSet<GateRow> Rows => Set<GateRow>();
}

/// <summary>One host's write transactions on SQLite take turns through the gate instead of polling the file lock.</summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private readonly string _directory = Directory.CreateTempSubdirectory("nara-gate-").FullName;
    private readonly SqliteWriteGate _gate = new(NullLogger<SqliteWriteGate>.Instance);

    public SqliteWriteGateTests()
    {
        using var db = Context();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task A_second_write_transaction_waits_for_the_first_to_commit_and_then_writes()
    {
        await using var first = Context();
        await using var second = Context();
        var holding = await first.Database.BeginTransactionAsync();
        first.Rows.Add(new GateRow { What = "first" });
        await first.SaveChangesAsync();

        var waiting = second.Database.BeginTransactionAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await holding.CommitAsync();
        await using var turn = await waiting.WaitAsync(Soon);
        second.Rows.Add(new GateRow { What = "second" });
        await second.SaveChangesAsync();
        await turn.CommitAsync();

        Assert.Equal(["first", "second"], await WhatAsync());
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_gives_its_turn_back_and_stores_nothing()
    {
        await using (var first = Context())
        {
            await using var abandoned = await first.Database.BeginTransactionAsync();
            first.Rows.Add(new GateRow { What = "abandoned" });
            await first.SaveChangesAsync();
        }

        // Without the turn given back this would wait the gate's 15 s.
        await using var second = Context();
        await using var turn = await second.Database.BeginTransactionAsync().WaitAsync(Soon);
        second.Rows.Add(new GateRow { What = "kept" });
        await second.SaveChangesAsync();
        await turn.CommitAsync();

        Assert.Equal(["kept"], await WhatAsync());
    }

    [Fact]
    public async Task Waiting_writers_get_their_turn_in_arrival_order()
    {
        await using var first = Context();
        await using var second = Context();
        await using var third = Context();
        var holding = await first.Database.BeginTransactionAsync();

        var secondTurn = second.Database.BeginTransactionAsync();
        await Task.Delay(100);
        var thirdTurn = third.Database.BeginTransactionAsync();
        await Task.Delay(200);
        Assert.False(secondTurn.IsCompleted);
        Assert.False(thirdTurn.IsCompleted);

        await holding.RollbackAsync();
        await using var turn = await secondTurn.WaitAsync(Soon);
        await Task.Delay(200);
        Assert.False(thirdTurn.IsCompleted);
        second.Rows.Add(new GateRow { What = "second" });
        await second.SaveChangesAsync();
        await turn.CommitAsync();

        await using var last = await thirdTurn.WaitAsync(Soon);
        third.Rows.Add(new GateRow { What = "third" });
        await third.SaveChangesAsync();
        await last.CommitAsync();
        Assert.Equal(["second", "third"], await WhatAsync());
    }

    private async Task<List<string>> WhatAsync()
    {
        await using var db = Context();
        return await db.Rows.OrderBy(r => r.Id).Select(r => r.What).ToListAsync();
    }

    private GateContext Context() => new(new DbContextOptionsBuilder<GateContext>()
        .UseSqlite($"Data Source={Path.Combine(_directory, "gate.db")}")
        .AddInterceptors(new SqlitePragmas(), _gate)
        .Options);

    public void Dispose()
    {
        _gate.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
