using Microsoft.AspNetCore.Http.Extensions;

namespace Nara.Host.Composition;

/// <summary>Small helpers the shared layout uses to build links that keep the reader where they are.</summary>
internal static class SiteChrome
{
    /// <summary>The main menu: (section, Korean, English). Every entry is a real page, so it works without JS.</summary>
    public static readonly IReadOnlyList<(string Section, string Korean, string English)> MainMenu =
    [
        ("services", "서비스 찾기", "Find a service"),
        ("life-events", "생애주기", "Life events"),
        ("data", "공공데이터", "Open data"),
        ("participation", "참여", "Participation"),
        ("officials", "담당자", "Officials"),
    ];

    /// <summary>The current path and query with <c>culture</c> replaced, so switching language stays on the page.</summary>
    public static string WithCulture(HttpRequest request, string culture)
    {
        var query = new QueryBuilder(request.Query.Where(q => !string.Equals(q.Key, "culture", StringComparison.OrdinalIgnoreCase)))
        {
            { "culture", culture },
        };
        return request.PathBase + request.Path + query.ToQueryString();
    }

    /// <summary>Where a settings form sends the reader back to (local path and query only).</summary>
    public static string ReturnUrl(HttpRequest request)
    {
        var query = new QueryBuilder(request.Query.Where(q => !string.Equals(q.Key, "culture", StringComparison.OrdinalIgnoreCase)));
        return request.PathBase + request.Path + query.ToQueryString();
    }

    /// <summary>The first path segment, used to mark the current main-menu entry.</summary>
    public static string Section(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var segment = path.TrimStart('/').Split('/', 2)[0];
        return segment.ToLowerInvariant();
    }
}
