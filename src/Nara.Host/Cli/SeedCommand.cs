using System.CommandLine;
using System.Diagnostics;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

internal static class SeedCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var residents = new Option<int>("--residents") { Description = "How many synthetic residents to generate.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same population.", DefaultValueFactory = _ => 20_251 };
        var command = new Command("seed", "Replace the registries with a generated synthetic Korea and the demo personas.")
        {
            residents,
            seed,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(r =>
        {
            var n = r.GetValue(residents);
            if (n is < 100 or > 60_000_000)
            {
                r.AddError("--residents must be between 100 and 60,000,000.");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var bar = new ProgressBar(Console.Error);
            var request = new SeedRequest(result.GetValue(residents), result.GetValue(seed), OnlyIfEmpty: false, bar);
            var stopwatch = Stopwatch.StartNew();
            foreach (var module in modules)
            {
                await module.SeedAsync(app.Services, request, ct);
            }

            bar.Finish();
            await Console.Out.WriteLineAsync($"Seeded {request.Residents:N0} residents (seed {request.Seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return command;
    }
}
