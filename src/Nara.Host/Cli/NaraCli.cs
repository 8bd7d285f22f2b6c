using System.CommandLine;
using Nara.Host.Composition;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara [serve]`, `nara migrate`, `nara seed`, `nara bench`, `nara clients`, `nara oidc`, `nara audit verify`, `nara eligibility run`, `nara credentials rotate-key`, `nara consent rotate-key`. Anything that is not a known verb is handed to
/// the web host unchanged, so ASP.NET Core's own arguments (--urls, --environment) keep working.
/// </summary>
internal static class NaraCli
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<IModule> modules)
    {
        string[] verbs = ["migrate", "seed", "bench", "clients", "oidc", "audit", "eligibility", "credentials", "consent", "serve", "--help", "-h", "-?"];
        if (args.Length == 0 || !verbs.Contains(args[0]))
        {
            return await ServeAsync(args, modules);
        }

        var root = new RootCommand("Nara: the open digital government platform.");
        root.Subcommands.Add(Serve(modules));
        root.Subcommands.Add(MigrateCommand.Create(modules));
        root.Subcommands.Add(SeedCommand.Create(modules));
        root.Subcommands.Add(BenchCommand.Create(modules));
        root.Subcommands.Add(ClientsCommand.Create(modules));
        root.Subcommands.Add(OidcCommand.Create(modules));
        root.Subcommands.Add(AuditCommand.Create(modules));
        root.Subcommands.Add(EligibilityCommand.Create(modules));
        root.Subcommands.Add(CredentialsCommand.Create(modules));
        root.Subcommands.Add(ConsentCommand.Create(modules));
        return await root.Parse(args).InvokeAsync();
    }

    private static Command Serve(IReadOnlyList<IModule> modules)
    {
        var command = new Command("serve", "Serve the portal and APIs (the default).") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, _) => ServeAsync([.. result.UnmatchedTokens], modules));
        return command;
    }

    private static async Task<int> ServeAsync(string[] args, IReadOnlyList<IModule> modules)
    {
        await using var app = NaraApp.Build(args, modules);
        await app.RunAsync();
        return 0;
    }

    /// <summary>A host for CLI verbs: configuration, logging and module services, but no web server.</summary>
    internal static WebApplication BuildTool(string[] args, IReadOnlyList<IModule> modules, bool seedOnStart = false)
    {
        string[] extra = [.. args, $"--Nara:Seed:OnStart={seedOnStart}", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning"];
        return NaraApp.Build(extra, modules);
    }
}
