using Microsoft.AspNetCore.Http;
using Nara.Kernel.Http;
using Nara.Notifications.Features;

namespace Nara.Notifications.Api;

/// <summary>Problem details of the Notifications APIs; the types are stable, clients switch on them.</summary>
internal static class NotificationProblems
{
    public const string RateLimited = "https://nara.go.kr/problems/rate-limited";
    public const string DailyCapReached = "https://nara.go.kr/problems/daily-cap-reached";

    public static IResult Refused(SendRefusal refusal) => Problems.Validation(refusal.Field, refusal.Message);

    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            "This client is sending faster than its rate limit allows; wait and try again.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", type: RateLimited);
    }

    public static IResult DailyCap() => Results.Problem(
        "This client has reached its daily message cap; sending resumes tomorrow (Korean time).",
        statusCode: StatusCodes.Status429TooManyRequests, title: "Daily cap reached", type: DailyCapReached);
}
