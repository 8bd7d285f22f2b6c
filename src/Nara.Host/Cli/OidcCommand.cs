using System.CommandLine;
using Nara.Identity.Contracts;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara oidc clients add|list|remove` and `nara oidc rotate-keys`: operators register the relying parties and
/// agency systems of the OpenID provider, and rotate its keys. A secret is printed once, on standard output.
/// </summary>
internal static class OidcCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var clients = new Command("clients", "Register, list and remove OpenID Connect clients.");
        clients.Subcommands.Add(Add(modules));
        clients.Subcommands.Add(List(modules));
        clients.Subcommands.Add(Remove(modules));
        var command = new Command("oidc", "The OpenID Connect provider: clients and keys.");
        command.Subcommands.Add(clients);
        command.Subcommands.Add(RotateKeys(modules));
        return command;
    }

    private static Command Add(IReadOnlyList<IModule> modules)
    {
        var id = new Option<string>("--id") { Description = "Client id, e.g. my-service or KR/GOV/NHIS/benefits.", Required = true };
        var name = new Option<string?>("--name") { Description = "Name shown on the consent screen (defaults to the id)." };
        var type = new Option<string>("--type") { Description = "confidential (default) or public (apps without a secret; PKCE).", DefaultValueFactory = _ => OidcClientTypes.Confidential };
        var sector = new Option<string>("--sector") { Description = "public (government) or private (default; pairwise subjects).", DefaultValueFactory = _ => OidcSectors.Private };
        var agency = new Option<string?>("--agency") { Description = "Owning agency code, needed for client credentials." };
        var redirects = new Option<string?>("--redirect-uris") { Description = "Space-separated redirect URIs, compared exactly." };
        var logouts = new Option<string?>("--post-logout-uris") { Description = "Space-separated URIs to return to after signing out." };
        var scopes = new Option<string>("--scopes") { Description = "Space-separated, e.g. \"openid profile age\" or \"registries.read\".", Required = true };
        var credentials = new Option<bool>("--client-credentials") { Description = "An agency system that gets tokens for itself." };
        var command = new Command("add", "Register a client and print its secret once.") { id, name, type, sector, agency, redirects, logouts, scopes, credentials };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            await using var app = await ClientsCommand.StartAsync(result, modules, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var clientId = result.GetValue(id)!;
            var request = new NewOidcClient(
                clientId, result.GetValue(name) ?? clientId, result.GetValue(type)!, result.GetValue(sector)!, result.GetValue(agency),
                Split(result.GetValue(redirects)), Split(result.GetValue(logouts)), Split(result.GetValue(scopes)), result.GetValue(credentials));
            var registration = await scope.ServiceProvider.GetRequiredService<IOidcClientAdministration>().RegisterAsync(request, ct);
            if (!registration.Succeeded)
            {
                await Console.Error.WriteLineAsync(registration.Error);
                return 1;
            }

            await Console.Error.WriteLineAsync(registration.Secret is null
                ? $"Client {clientId} registered (public: no secret)."
                : $"Client {clientId} registered. Its secret follows; it is shown only this once:");
            if (registration.Secret is not null)
            {
                await Console.Out.WriteLineAsync(registration.Secret);
            }

            return 0;
        });
        return command;
    }

    private static Command List(IReadOnlyList<IModule> modules)
    {
        var command = new Command("list", "List the registered clients (never their secrets).") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var app = await ClientsCommand.StartAsync(result, modules, ct);
            await using var scope = app.Services.CreateAsyncScope();
            foreach (var c in await scope.ServiceProvider.GetRequiredService<IOidcClientAdministration>().ListAsync(ct))
            {
                await Console.Out.WriteLineAsync($"{c.ClientId}\t{c.ClientType}\t{c.Sector}\t{c.AgencyCode ?? "-"}\t{string.Join(' ', c.Scopes)}\t{string.Join(' ', c.RedirectUris)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Remove(IReadOnlyList<IModule> modules)
    {
        var id = new Option<string>("--id") { Description = "The client to remove.", Required = true };
        var command = new Command("remove", "Remove a client and revoke its tokens.") { id };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            await using var app = await ClientsCommand.StartAsync(result, modules, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var removed = await scope.ServiceProvider.GetRequiredService<IOidcClientAdministration>().RemoveAsync(result.GetValue(id)!, ct);
            await (removed ? Console.Out : Console.Error).WriteLineAsync(removed ? "Removed." : "No such client.");
            return removed ? 0 : 1;
        });
        return command;
    }

    private static Command RotateKeys(IReadOnlyList<IModule> modules)
    {
        var command = new Command("rotate-keys", "New signing and encryption keys take over; the old ones validate until their tokens expire.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var app = await ClientsCommand.StartAsync(result, modules, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var rotated = await scope.ServiceProvider.GetRequiredService<IOidcKeyRotation>().RotateAsync(ct);
            await Console.Out.WriteLineAsync($"Signing key {rotated.SigningKeyId}, encryption key {rotated.EncryptionKeyId}; previous keys kept until {rotated.RetiredKeysExpireAt:O}.");
            return 0;
        });
        return command;
    }

    private static string[] Split(string? value) => value?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
