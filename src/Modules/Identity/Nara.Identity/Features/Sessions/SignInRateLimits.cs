using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nara.Identity.Features.Sessions;

/// <summary>
/// Limits how often one network address may post to sign-in and enrolment (pages and passkey API), so
/// codes and accounts cannot be tried at speed. Per-resident lockout is in the proofing step itself.
/// </summary>
internal static class SignInRateLimits
{
    private static readonly string[] GuardedPaths = ["/signin", "/enrol", "/recover", "/api/identity"];

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue($"{NaraIdentityOptions.Section}:SignInPermitsPerMinute", 20);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsGuarded(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "signin:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("open"));
        });
    }

    private static bool IsGuarded(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && GuardedPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
