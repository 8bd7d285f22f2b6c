using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Security;

namespace Nara.Registries.Features.Records;

/// <summary>The agency client behind a request, as its access token's (or API key's) claims say, and the request's correlation id.</summary>
internal sealed record Caller(string ClientId, string? Agency, string? Name, string CorrelationId, IReadOnlySet<string> Scopes)
{
    /// <summary>The X-Road message id when an information mediator forwarded the call, else the trace id.</summary>
    public const string XRoadIdHeader = "X-Road-Id";

    public const string ClientHeader = "Information-Mediator-Client";

    public static Caller From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var correlation = context.Request.Headers[XRoadIdHeader].ToString() is { Length: > 0 and <= 200 } xroad
            ? xroad
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        return new Caller(
            user.FindFirstValue(NaraClaims.ClientId) ?? "unknown",
            user.FindFirstValue(NaraClaims.Agency),
            user.Identity?.Name, // API keys and OAuth tokens name the client with their own claim types
            correlation,
            user.FindAll(NaraClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Least privilege: "registries:{name}:{access}" or "registries:*:{access}"; write does not imply read.</summary>
    public bool May(string registry, string access) =>
        Scopes.Contains($"registries:{registry}:{access}") || Scopes.Contains($"registries:*:{access}");
}
