using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Nara.Services.Api;

/// <summary>
/// A JSON answer with a strong ETag over its bytes, so third-party clients can revalidate and get 304
/// instead of the body. The catalogue changes only with a deployment, so the hash is as good as a version
/// and needs no bookkeeping; hashing a few kilobytes costs microseconds.
/// </summary>
internal static class JsonWithETag
{
    /// <summary>Public data that changes with a deployment: caches may keep it five minutes, then revalidate.</summary>
    private const string CacheControl = "public, max-age=300";

    public static IResult Ok<T>(HttpContext context, T payload)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, options);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        // Names follow the reader's language (Accept-Language or the culture cookie).
        headers.Vary = HeaderNames.AcceptLanguage + ", " + HeaderNames.Cookie;
        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
