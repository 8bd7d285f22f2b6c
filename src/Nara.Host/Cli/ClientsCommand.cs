using System.CommandLine;
using Nara.Identity.Contracts;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara clients add|list|revoke`: operators register the agency systems that call Nara's APIs. The key is
/// printed once, on standard output, and is not kept anywhere in plain text.
/// </summary>
internal static class ClientsCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var command = new Command("clients", "Register, list and revoke agency API clients.");
        command.Subcommands.Add(Add(modules));
        command.Subcommands.Add(List(modules));
        command.Subcommands.Add(Revoke(modules));
        return command;
    }

    private static Command Add(IReadOnlyList<IModule> modules)
    {
        var id = new Option<string>("--id") { Description = "INSTANCE/CLASS/MEMBER/SUBSYSTEM, e.g. KR/GOV/NHIS/benefits.", Required = true };
        var agency = new Option<string>("--agency") { Description = "Owning agency code, e.g. NHIS.", Required = true };
        var name = new Option<string?>("--name") { Description = "Human-readable name (defaults to the id)." };
        var scopes = new Option<string>("--scopes") { Description = "Space-separated, e.g. \"registries:residents:read registries:vehicles:write\".", Required = true };
        var command = new Command("add", "Register a client and print its API key once.") { id, agency, name, scopes };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            await using var app = await StartAsync(result, modules, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var clientId = result.GetValue(id)!;
            var request = new NewAgencyClient(
                clientId,
                result.GetValue(agency)!,
                result.GetValue(name) ?? clientId,
                result.GetValue(scopes)!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>().RegisterAsync(request, ct);
            if (!registration.Succeeded)
            {
                await Console.Error.WriteLineAsync(registration.Error);
                return 1;
            }

            await Console.Error.WriteLineAsync($"Client {clientId} registered. Its API key follows; it is shown only this once:");
            await Console.Out.WriteLineAsync(registration.Key);
            return 0;
        });
        return command;
    }

    private static Command List(IReadOnlyList<IModule> modules)
    {
        var command = new Command("list", "List the registered clients (never their keys).") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var app = await StartAsync(result, modules, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var clients = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>().ListAsync(ct);
            foreach (var c in clients)
            {
                var state = c.RevokedAt is null ? "active" : $"revoked {c.RevokedAt:yyyy-MM-dd}";
                await Console.Out.WriteLineAsync($"{c.Id}\t{c.AgencyCode}\tnara_{c.KeyPrefix}_…\t{state}\t{string.Join(' ', c.Scopes)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Revoke(IReadOnlyList<IModule> modules)
    {
        var id = new Option<string>("--id") { Description = "The client to revoke.", Required = true };
        var command = new Command("revoke", "Refuse a client's key from now on.") { id };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            await using var app = await StartAsync(result, modules, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var revoked = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>().RevokeAsync(result.GetValue(id)!, ct);
            await (revoked ? Console.Out : Console.Error).WriteLineAsync(revoked ? "Revoked." : "No such client.");
            return revoked ? 0 : 1;
        });
        return command;
    }

    internal static async Task<WebApplication> StartAsync(ParseResult result, IReadOnlyList<IModule> modules, CancellationToken ct)
    {
        // Logs go to standard error so that standard output is only the answer: KEY=$(nara clients add …) works.
        var app = NaraCli.BuildTool([.. result.UnmatchedTokens, "--Logging:Console:LogToStandardErrorThreshold=Trace"], modules);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        return app;
    }
}
