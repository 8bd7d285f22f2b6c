using System.CommandLine;
using Nara.Credentials;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara credentials rotate-key`: a new issuer key signs from now on; the retired public key stays in the published
/// ring, so credentials it signed keep verifying. Other hosts sharing the key directory pick the new key up at their
/// next ring check (Nara:Credentials:KeyRingRefresh). Audited like the API's rotation.
/// </summary>
internal static class CredentialsCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var rotate = new Command("rotate-key", "Replace the credential issuer key; the old public key stays published for what it signed.");
        rotate.TreatUnmatchedTokensAsErrors = false;
        rotate.SetAction(async (result, ct) =>
        {
            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var (previous, current) = await CredentialsTools.RotateIssuerKeyAsync(app.Services, "cli:" + Environment.UserName, ct);
            await Console.Out.WriteLineAsync($"Credentials are now signed with key {current}; {previous} stays in /api/credentials/jwks for what it signed.");
            return 0;
        });
        var command = new Command("credentials", "Work with verifiable credentials.");
        command.Subcommands.Add(rotate);
        return command;
    }
}
