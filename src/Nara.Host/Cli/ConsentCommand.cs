using System.CommandLine;
using Nara.Consent;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara consent rotate-key`: a new key signs consent records and receipts from now on; the retired public key stays
/// in the ring (/api/consent/signing-key) so what it signed keeps verifying. Other hosts sharing the key directory
/// pick the new key up at their next ring check (Nara:Consent:KeyRingRefresh). Audited like the API's rotation.
/// </summary>
internal static class ConsentCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var rotate = new Command("rotate-key", "Replace the consent signing key; the old public key stays published for what it signed.");
        rotate.TreatUnmatchedTokensAsErrors = false;
        rotate.SetAction(async (result, ct) =>
        {
            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var (previous, current) = await ConsentTools.RotateSigningKeyAsync(app.Services, "cli:" + Environment.UserName, ct);
            await Console.Out.WriteLineAsync($"Consent records are now signed with key {current}; {previous} stays in /api/consent/signing-key for what it signed.");
            return 0;
        });
        var command = new Command("consent", "Work with consent records.");
        command.Subcommands.Add(rotate);
        return command;
    }
}
