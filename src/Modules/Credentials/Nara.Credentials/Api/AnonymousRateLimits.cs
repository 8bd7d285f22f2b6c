using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nara.Credentials.Api;

/// <summary>
/// Per-address limits on the anonymous endpoints that cost the host something: creating an OpenID4VP request stores a
/// row (API and the /verify/request page), verifying checks signatures (API and the /verify page). Both are open to
/// anyone by design, so without a limit one address could fill the presentations table or the CPUs. A refused
/// request changes nothing; the API answers a 429 problem with Retry-After, a page the host's plain-language 429 page.
/// </summary>
internal static class AnonymousRateLimits
{
    public const string PresentationRequests = "credentials-presentation-requests";
    public const string Verifications = "credentials-verifications";
    public const string RateLimitedType = "https://nara.go.kr/problems/rate-limited";

    public static IServiceCollection AddCredentialRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy<string, PresentationRequestPolicy>(PresentationRequests);
            o.AddPolicy<string, VerificationPolicy>(Verifications);
        });

    /// <summary>Creating requests: POSTs only (the result page reloads itself with GET while it waits).</summary>
    private sealed class PresentationRequestPolicy(IOptions<CredentialsOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            Partition(httpContext, "vp-request:", options.Value.PresentationRequestsPerMinute, HttpMethods.IsPost(httpContext.Request.Method));
    }

    /// <summary>Verifying: POSTs, and a GET of /verify that carries a presentation (?p=, a wallet QR's link).</summary>
    private sealed class VerificationPolicy(IOptions<CredentialsOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            Partition(httpContext, "verify:", options.Value.VerificationsPerMinute,
                HttpMethods.IsPost(httpContext.Request.Method) || httpContext.Request.Query.ContainsKey("p"));
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string prefix, int perMinute, bool counted) =>
        counted && perMinute > 0
            ? RateLimitPartition.GetFixedWindowLimiter(
                prefix + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("open");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return; // an empty 429: the host's status-code pages show the plain-language page in the reader's language
        }

        await Results.Problem(
                "Too many requests from this address in a short time; wait for the number of seconds in Retry-After and try again.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", type: RateLimitedType,
                extensions: new Dictionary<string, object?> { ["code"] = "rate-limited" })
            .ExecuteAsync(http);
    }
}
