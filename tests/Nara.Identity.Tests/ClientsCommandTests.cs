using Nara.Testing;

namespace Nara.Identity.Tests;

[CollectionDefinition(nameof(SerialConsole), DisableParallelization = true)]
public sealed class SerialConsole;

/// <summary>`nara clients add|list|revoke` through the host's real entry point, on a throwaway database.</summary>
[Collection(nameof(SerialConsole))]
public sealed class ClientsCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Exit, string Out)> RunAsync(params string[] args)
    {
        string[] settings =
        [
            $"--Nara:Database:Provider={_database.Provider}",
            $"--Nara:Database:ConnectionString={_database.ConnectionString}",
            $"--Nara:Database:DataDirectory={_database.Directory}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var entry = typeof(Program).Assembly.EntryPoint!;
            // The compiled entry point is the synchronous wrapper around the async Main.
            var exit = await Task.Run(() => (int)entry.Invoke(null, [(string[])[.. args, .. settings]])!);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public async Task Clients_add_prints_a_key_once_and_list_shows_the_client_without_it()
    {
        var (exit, key) = await RunAsync("clients", "add", "--id", "KR/GOV/NHIS/cli", "--agency", "NHIS", "--scopes", "registries:residents:read registries:health-insurance:read");
        Assert.Equal(0, exit);
        Assert.StartsWith("nara_", key.Trim(), StringComparison.Ordinal);

        var (listExit, list) = await RunAsync("clients", "list");
        Assert.Equal(0, listExit);
        Assert.Contains("KR/GOV/NHIS/cli\tNHIS", list, StringComparison.Ordinal);
        Assert.Contains("registries:health-insurance:read", list, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), list, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("clients", "revoke", "--id", "KR/GOV/NHIS/cli")).Exit);
        Assert.Contains("revoked", (await RunAsync("clients", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_add_refuses_a_bad_scope_with_a_nonzero_exit()
    {
        var (exit, output) = await RunAsync("clients", "add", "--id", "KR/GOV/NHIS/bad", "--agency", "NHIS", "--scopes", "everything please");
        Assert.NotEqual(0, exit);
        Assert.Equal("", output.Trim());
    }
}
