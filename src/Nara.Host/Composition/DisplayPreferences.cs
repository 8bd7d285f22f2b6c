namespace Nara.Host.Composition;

/// <summary>
/// Text size (글자 크기) and screen mode (선명한 화면) chosen with a plain POST form, remembered in cookies and
/// rendered by the server as attributes on &lt;html&gt;, so they work without JavaScript.
/// </summary>
internal static class DisplayPreferences
{
    public const string TextSizeCookie = "nara.textsize";
    public const string ModeCookie = "nara.mode";

    /// <summary>(value, Korean, English); "md" is the default and is written as no attribute.</summary>
    public static readonly IReadOnlyList<(string Value, string Korean, string English)> TextSizes =
    [
        ("sm", "작게", "Small"),
        ("md", "보통", "Normal"),
        ("lg", "조금 크게", "Larger"),
        ("xlg", "크게", "Large"),
        ("xxlg", "가장 크게", "Largest"),
    ];

    /// <summary>KRDS data-krds-mode values; "light" is the default and is written as no attribute.</summary>
    public static readonly IReadOnlyList<(string Value, string Korean, string English)> Modes =
    [
        ("light", "기본 화면", "Standard"),
        ("high-contrast", "선명한 화면", "High contrast"),
        ("theme", "기기 설정 따르기", "Follow device setting"),
    ];

    public static string TextSize(HttpRequest request) => Known(request.Cookies[TextSizeCookie], TextSizes) ?? "md";

    public static string Mode(HttpRequest request) => Known(request.Cookies[ModeCookie], Modes) ?? "light";

    /// <summary>The value if it is on the list, else null (cookies are user input).</summary>
    public static string? Known(string? value, IReadOnlyList<(string Value, string Korean, string English)> list) =>
        list.Any(x => x.Value == value) ? value : null;
}
