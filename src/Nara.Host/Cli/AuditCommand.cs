using System.CommandLine;
using System.Text.Json;
using Nara.Audit;
using Nara.Audit.Features;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara audit rotate-key` replaces the tree-head signing key (the new key is endorsed by the old one).
/// `nara audit verify`: rebuilds the audit tree from the stored entries and checks every signed head and
/// witness copy. Exit code 0 when everything holds, 1 when anything was tampered with (first bad entry named).
/// </summary>
internal static class AuditCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var verify = new Command("verify", "Recompute the audit log's Merkle tree and check every signed tree head.") { json };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction(async (result, ct) =>
        {
            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var outcome = await AuditTools.VerifyAsync(app.Services, null, ct);
            await Console.Out.WriteLineAsync(result.GetValue(json) ? JsonSerializer.Serialize(outcome) : Describe(outcome));
            return outcome.Ok ? 0 : 1;
        });
        var rotate = new Command("rotate-key", "Replace the tree-head signing key with a new key endorsed by the current one.");
        rotate.TreatUnmatchedTokensAsErrors = false;
        rotate.SetAction(async (result, ct) =>
        {
            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var keyId = await AuditTools.RotateSigningKeyAsync(app.Services, "cli:" + Environment.UserName, ct);
            await Console.Out.WriteLineAsync($"Heads are now signed with key {keyId}; earlier heads stay verifiable with the key history at /api/audit/keys.");
            return 0;
        });
        var command = new Command("audit", "Work with the tamper-evident audit log.");
        command.Subcommands.Add(verify);
        command.Subcommands.Add(rotate);
        return command;
    }

    private static string Describe(AuditVerification outcome)
    {
        var summary = $"{outcome.Entries} entries, {outcome.Heads} signed heads, {outcome.WitnessFiles} witness files checked.";
        var notes = outcome.Notes is { Count: > 0 } ? Environment.NewLine + string.Join(Environment.NewLine, outcome.Notes.Select(n => " note: " + n)) : "";
        if (outcome.Ok)
        {
            return "Audit log verified: " + summary + notes;
        }

        var first = outcome.FirstBadIndex is { } index ? $"First bad entry: {index}.{Environment.NewLine}" : "";
        return $"AUDIT LOG FAILED VERIFICATION: {summary}{Environment.NewLine}{first}" + string.Join(Environment.NewLine, outcome.Problems.Select(p => " - " + p)) + notes;
    }
}
