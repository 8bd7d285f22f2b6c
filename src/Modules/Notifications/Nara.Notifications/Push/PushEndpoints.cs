namespace Nara.Notifications.Push;

/// <summary>Which push endpoints Nara sends to: https (http only when allowed for tests) on a listed push service.</summary>
internal static class PushEndpoints
{
    public static bool IsAllowed(string endpoint, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || endpoint.Length > 2_000)
        {
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return false;
        }

        return options.AllowedHosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
    }
}
