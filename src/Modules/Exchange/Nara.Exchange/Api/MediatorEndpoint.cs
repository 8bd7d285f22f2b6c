using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Nara.Exchange.Features.Mediation;
using Nara.Kernel.Security;

namespace Nara.Exchange.Api;

/// <summary>
/// <c>{METHOD} /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}[/path]</c>, X-Road's REST form. Request
/// headers: <c>X-Road-Client</c> (required), <c>X-Road-Id</c>, <c>X-Road-UserId</c>, <c>X-Nara-UserRole</c> (the official's role, shown to the data subject), <c>X-Road-Issue</c>, and
/// Nara's <c>X-Nara-Purpose</c>, <c>X-Nara-Consent-Id</c>, <c>X-Nara-Subject</c>, <c>X-Nara-Attributes</c>.
/// Response headers: <c>X-Road-Id</c>, <c>X-Road-Request-Hash</c>, <c>X-Nara-Exchange-Id</c>, and
/// <c>X-Nara-Signature</c> (answers) or <c>X-Road-Error</c> (refusals, with a problem details body).
/// </summary>
internal static class MediatorEndpoint
{
    private const int MaxBody = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/r1/{**path}", ["GET", "POST", "PUT", "PATCH", "DELETE"], HandleAsync)
            .RequireAuthorization(NaraPolicies.AgencyClient)
            .DisableAntiforgery()
            .WithTags("Exchange")
            .WithName("Mediate")
            .WithSummary("The information mediator: a service of another member, consent-checked, signed and logged.");
    }

    private static async Task HandleAsync(HttpContext http, string? path, Mediate mediate)
    {
        var segments = (path ?? "").Split('/');
        var serviceId = string.Join('/', segments.Take(5));
        var rest = segments.Length > 5 ? "/" + string.Join('/', segments.Skip(5)) : "";
        var body = await ReadBodyAsync(http.Request);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var user = http.User;
        var request = new MediationRequest(
            user.FindFirstValue(NaraClaims.ClientId),
            user.FindFirstValue(NaraClaims.Agency),
            [.. user.FindAll(NaraClaims.Scope).Select(c => c.Value)],
            Header(http, "X-Road-Client"),
            segments.Length >= 5 ? serviceId : path ?? "",
            http.Request.Method,
            rest + http.Request.QueryString.Value,
            Header(http, "X-Road-Id"),
            Header(http, "X-Road-UserId"),
            Header(http, "X-Road-Issue"),
            Header(http, "X-Nara-Purpose"),
            Header(http, "X-Nara-Consent-Id"),
            Header(http, "X-Nara-Subject"),
            null,
            Attributes(Header(http, "X-Nara-Attributes")),
            body,
            http.Request.ContentType,
            UserRole: Header(http, "X-Nara-UserRole"));

        var outcome = await mediate.ExecuteAsync(request, http.RequestAborted);
        var response = http.Response;
        response.StatusCode = outcome.Status;
        response.Headers["X-Road-Id"] = outcome.MessageId;
        response.Headers["X-Road-Request-Hash"] = outcome.RequestHash;
        response.Headers["X-Nara-Exchange-Id"] = outcome.ExchangeId.ToString("D");
        if (outcome.Signature is { } signature)
        {
            response.Headers["X-Nara-Signature"] = signature;
        }
        else
        {
            response.Headers["X-Road-Error"] = outcome.Refusal;
        }

        response.Headers.CacheControl = "no-store";
        response.ContentType = outcome.ContentType;
        await response.Body.WriteAsync(outcome.Body, http.RequestAborted);
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    private static string[] Attributes(string? header) =>
        header is null ? [] : [.. header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(50)];

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBody)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
