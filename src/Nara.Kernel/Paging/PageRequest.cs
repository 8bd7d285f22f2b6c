namespace Nara.Kernel.Paging;

/// <summary>1-based paging with a hard upper bound so no client can ask for the whole population.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 1000;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Validates raw query values; returns an error message in English for problem details, or null.</summary>
    public static string? Validate(int? page, int? pageSize, out PageRequest request, int defaultPageSize = 20)
    {
        request = new PageRequest(page ?? 1, pageSize ?? defaultPageSize);
        if (request.Page < 1)
        {
            return "page must be 1 or more.";
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            return $"pageSize must be between 1 and {MaxPageSize}.";
        }

        if ((long)request.Page * request.PageSize > int.MaxValue)
        {
            return "page is too large.";
        }

        return null;
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total)
{
    public int PageCount => Total == 0 ? 0 : (int)((Total + PageSize - 1) / PageSize);
}
