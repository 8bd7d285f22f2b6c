using Nara.Testing;

namespace Nara.Identity.Tests;

/// <summary>`nara oidc clients add|list|remove` and `nara oidc rotate-keys` through the host's real entry point.</summary>
[Collection(nameof(SerialConsole))]
public sealed class OidcCommandTests : IAsyncLifetime
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
            var exit = await Task.Run(() => (int)entry.Invoke(null, [(string[])[.. args, .. settings]])!);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public async Task Oidc_clients_add_prints_a_secret_once_list_shows_the_client_and_remove_deletes_it()
    {
        var (exit, secret) = await RunAsync("oidc", "clients", "add", "--id", "KR/GOV/NHIS/cli-oauth", "--agency", "NHIS", "--sector", "public",
            "--client-credentials", "--scopes", "registries.read");
        Assert.Equal(0, exit);
        Assert.True(secret.Trim().Length >= 40);

        var (_, list) = await RunAsync("oidc", "clients", "list");
        Assert.Contains("KR/GOV/NHIS/cli-oauth\tconfidential\tpublic\tNHIS\tregistries.read", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Trim(), list, StringComparison.Ordinal);

        Assert.Equal(1, (await RunAsync("oidc", "clients", "add", "--id", "rp-bad", "--redirect-uris", "http://evil.example/cb", "--scopes", "openid")).Exit);
        Assert.Equal(0, (await RunAsync("oidc", "clients", "remove", "--id", "KR/GOV/NHIS/cli-oauth")).Exit);
        Assert.Equal(1, (await RunAsync("oidc", "clients", "remove", "--id", "KR/GOV/NHIS/cli-oauth")).Exit);
    }

    [Fact]
    public async Task Oidc_rotate_keys_names_the_new_keys()
    {
        var (exit, output) = await RunAsync("oidc", "rotate-keys");
        Assert.Equal(0, exit);
        Assert.Contains("Signing key sig-", output, StringComparison.Ordinal);
        Assert.Contains("encryption key enc-", output, StringComparison.Ordinal);
    }
}
