using System.CommandLine;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

internal static class MigrateCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var command = new Command("migrate", "Apply every module's database migrations and exit.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await Console.Out.WriteLineAsync("Migrations applied.");
            return 0;
        });
        return command;
    }
}
