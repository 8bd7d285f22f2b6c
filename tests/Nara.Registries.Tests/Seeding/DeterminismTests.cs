using Nara.Testing;

namespace Nara.Registries.Tests.Seeding;

public sealed class DeterminismTests : IAsyncLifetime
{
    private readonly NaraFactory _first = new();
    private readonly NaraFactory _second = new();

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_first).DisposeAsync();
        await ((IAsyncLifetime)_second).DisposeAsync();
    }

    [Fact]
    public async Task The_same_seed_gives_identical_registries_in_two_databases_and_another_seed_does_not()
    {
        var first = await _first.HashAsync();
        Assert.Equal(first, await _second.HashAsync());

        await _second.ReseedAsync(_second.Residents, seed: 7);
        Assert.Equal(_second.Residents + 13, await _second.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Residents)));
        Assert.NotEqual(first, await _second.HashAsync());

        await _second.ReseedAsync(_second.Residents, seed: 20_251);
        Assert.Equal(first, await _second.HashAsync());
    }
}
