namespace Nara.Host.Composition;

/// <summary>Conservative browser protections on every response; pages use no inline script.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // The camera only where a QR code is scanned (the verifier page, the wallet's request page); nowhere else may
        // a page (or a frame) ask for it.
        var path = context.Request.Path;
        var camera = path.StartsWithSegments("/verify") || path.StartsWithSegments("/my/wallet/request") ? "camera=(self)" : "camera=()";
        headers["Permissions-Policy"] = camera + ", microphone=(), geolocation=(self)";
        if (!context.Request.Path.StartsWithSegments("/api/reference"))
        {
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self' data:; " +
                "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
        }

        return next(context);
    }
}
