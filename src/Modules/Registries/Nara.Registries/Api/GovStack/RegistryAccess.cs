using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Registries.Features.Records;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Api.GovStack;

/// <summary>
/// Resolves {registry}/{version} for a request and checks that the calling client may read or write it.
/// Order: malformed name 400, unknown registry or version 404, mismatched Information-Mediator-Client 400/403,
/// missing scope 403. (No key at all was already answered 401 by the authorization policy.)
/// </summary>
internal static partial class RegistryAccess
{
    public const string Read = "read";
    public const string Write = "write";

    public static (IRegistry? Registry, Caller? Caller, IResult? Problem) Resolve(HttpContext context, RegistryCatalogue catalogue, string name, string version, string access)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (!RegistryCatalogue.WellFormedName().IsMatch(name))
        {
            return (null, null, Problems.BadRequest($"'{name}' is not a registry name; names look like residents or health-insurance."));
        }

        var registry = catalogue.Find(name);
        if (registry is null)
        {
            return (null, null, Problems.NotFound($"There is no registry '{name}'. Registries: {string.Join(", ", catalogue.All.Select(r => r.Name))}."));
        }

        if (version != RegistryCatalogue.Version)
        {
            return (null, null, Problems.NotFound($"Registry {registry.Name} has no version '{version}'; it is served at version {RegistryCatalogue.Version}."));
        }

        var (caller, problem) = Identify(context);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        return caller!.May(registry.Name, access)
            ? (registry, caller, null)
            : (null, null, Problems.Forbidden($"This client lacks the scope registries:{registry.Name}:{access}."));
    }

    /// <summary>
    /// The GovStack Information-Mediator-Client header is optional here (direct calls have no mediator);
    /// when sent it must be well formed and name the same client as the API key.
    /// </summary>
    public static (Caller? Caller, IResult? Problem) Identify(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.From(context);
        var header = context.Request.Headers[Caller.ClientHeader].ToString();
        if (header.Length > 0 && !MediatorClient().IsMatch(header))
        {
            return (null, Problems.BadRequest("Invalid format of Information-Mediator-Client, should match INSTANCE/CLASS/MEMBER/SUBSYSTEM."));
        }

        if (header.Length > 0 && !string.Equals(header, caller.ClientId, StringComparison.Ordinal))
        {
            return (null, Problems.Forbidden("Information-Mediator-Client names another client than the API key."));
        }

        return (caller, null);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex MediatorClient();
}
