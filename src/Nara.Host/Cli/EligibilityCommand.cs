using System.CommandLine;
using System.Text.Json;
using Nara.Eligibility;
using Nara.Eligibility.Features;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara eligibility run [--month 2026-03] [--incremental]`: whole-population proactive matching now,
/// with a progress bar on standard error and the run's summary as one JSON line on standard output.
/// </summary>
internal static class EligibilityCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var month = new Option<string?>("--month") { Description = "The month to evaluate (2026-03); this month in Korea by default." };
        var incremental = new Option<bool>("--incremental") { Description = "Only the households registry changes queued since the last run." };
        var run = new Command("run", "Evaluate every benefit and due date for everyone, store results, queue notices.") { month, incremental };
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction(async (result, ct) =>
        {
            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens, "--Nara:Eligibility:Schedule=false"], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var bar = new ProgressBar(Console.Error);
            RunSummary? outcome;
            try
            {
                outcome = await EligibilityTools.RunAsync(app.Services, "cli", result.GetValue(incremental), result.GetValue(month),
                    new Progress<(string Stage, long Done, long Total)>(p => bar.Report(new SeedProgress(p.Stage, p.Done, p.Total))), ct);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message.Split(" (Parameter", 2)[0]);
                return 2;
            }
            finally
            {
                bar.Finish();
            }

            if (outcome is null)
            {
                await Console.Error.WriteLineAsync("Another host is running proactive matching now; nothing was done. Try again when it has finished.");
                return 3;
            }

            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(outcome));
            return 0;
        });
        var command = new Command("eligibility", "Whole-population proactive matching.");
        command.Subcommands.Add(run);
        return command;
    }
}
