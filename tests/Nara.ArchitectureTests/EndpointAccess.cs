using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Nara.ArchitectureTests;

/// <summary>One line of the access list: who may call these methods of this route.</summary>
internal sealed record EndpointAccessEntry(string Methods, string Route, string Access)
{
    public string Key => $"{Methods} {Route}";

    public bool IsAnonymous => Access == EndpointAccess.Anonymous;

    public IReadOnlyList<string> Labels => Access.Split('+');

    public override string ToString() => $"{Methods,-18} {Route,-62} {Access}";
}

/// <summary>
/// Reads the host's endpoints and their declared authorization, and the checked-in list
/// (endpoint-access.txt next to this file) they are compared with.
/// </summary>
internal static partial class EndpointAccess
{
    public const string Anonymous = "anonymous";
    public const string ListFile = "tests/Nara.ArchitectureTests/endpoint-access.txt";

    /// <summary>
    /// Readable names of policies. A policy missing here still works: it appears as policy:&lt;name&gt;.
    /// Add a name when a module adds a policy and you want the list to read better.
    /// </summary>
    private static readonly Dictionary<string, string> PolicyLabels = new(StringComparer.Ordinal)
    {
        ["nara:official"] = "official",
        ["nara:citizen"] = "citizen",
        ["nara:registry-viewer"] = "official:registry-viewer",
        ["nara:auditor"] = "official:auditor",
        ["nara:same-agency"] = "official:same-agency",
        ["nara:agency-administrator"] = "agency-admin",
        ["nara:identity:platform-administrator"] = "platform-admin",
        ["nara:agency-client"] = "agency-client",
        ["nara:notifications-send"] = "agency-client:notifications:send",
        ["nara:notifications-templates"] = "agency-client:notifications:templates:write",
        ["nara:notifications-administer"] = "official:administrator",
        ["consent:administrator"] = "official:administrator",
        ["consent:individual"] = "agency-client:consent:individual+citizen",
        ["consent:verification"] = "agency-client:consent:verify",
        ["consent:platform-administrator"] = "platform-admin",
        ["consent:mydata-recipient"] = "agency-client:mydata:receive",
        ["exchange:administrator"] = "official:administrator",
        ["credentials:status-officer"] = "official:credential-officer",
        ["credentials:platform-administrator"] = "platform-admin",
    };

    private static readonly Dictionary<string, string> SchemeLabels = new(StringComparer.Ordinal)
    {
        ["Nara.Enrolment"] = "enrolment-ticket",
    };

    public static IReadOnlyList<EndpointAccessEntry> ReadList()
    {
        var entries = new List<EndpointAccessEntry>();
        foreach (var raw in File.ReadAllLines(Path.Combine(Repository.Root, ListFile)))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                throw new InvalidOperationException($"{ListFile}: expected 'METHODS ROUTE ACCESS', got '{raw}'.");
            }

            entries.Add(new EndpointAccessEntry(parts[0], parts[1], parts[2]));
        }

        return entries;
    }

    /// <summary>Every routed endpoint of the running host with the access its metadata declares.</summary>
    public static async Task<IReadOnlyList<EndpointAccessEntry>> ReadHostAsync(IServiceProvider services)
    {
        var pages = services.GetRequiredService<PageLoader>();
        var entries = new List<EndpointAccessEntry>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            string[] methods;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                // A page always renders on GET, whatever handlers it has besides.
                methods = [.. compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Distinct()];
            }
            else
            {
                methods = [.. endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]];
            }

            entries.Add(new EndpointAccessEntry(string.Join(',', methods.Order(StringComparer.Ordinal)), route, Describe(endpoint.Metadata)));
        }

        return [.. entries.OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Methods, StringComparer.Ordinal)];
    }

    /// <summary>The declared access as the list writes it: labels, sorted, joined with '+'.</summary>
    private static string Describe(EndpointMetadataCollection metadata)
    {
        // ASP.NET Core lets [AllowAnonymous] win over any [Authorize] on the same endpoint.
        if (metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }

        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var data in metadata.GetOrderedMetadata<IAuthorizeData>())
        {
            var before = labels.Count;
            if (data.Policy is { Length: > 0 } policy)
            {
                // A policy may stand for several labels ("citizen+agency-client:…" when either may call).
                labels.UnionWith(PolicyLabels.GetValueOrDefault(policy, "policy:" + policy).Split('+'));
            }

            foreach (var role in Split(data.Roles))
            {
                labels.Add("role:" + role);
            }

            foreach (var scheme in Split(data.AuthenticationSchemes))
            {
                labels.Add(SchemeLabels.GetValueOrDefault(scheme, "scheme:" + scheme));
            }

            if (labels.Count == before)
            {
                labels.Add("signed-in");
            }
        }

        if (metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0)
        {
            labels.Add("policy-object");
        }

        return labels.Count == 0 ? "UNPROTECTED" : string.Join('+', labels);
    }

    private static string[] Split(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>A concrete path for a route pattern: parameters get dummy values of the right shape.</summary>
    public static string Sample(string route) =>
        Parameter().Replace(route, m => m.Groups["constraint"].Value switch
        {
            var c when c.Contains("guid", StringComparison.Ordinal) => "00000000-0000-0000-0000-000000000001",
            var c when c.Contains("int", StringComparison.Ordinal) || c.Contains("long", StringComparison.Ordinal) => "1",
            _ => "dummy",
        });

    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)(?<constraint>:[^}=?]*)?(=[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
