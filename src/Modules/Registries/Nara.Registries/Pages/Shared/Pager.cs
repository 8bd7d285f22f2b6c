namespace Nara.Registries.Pages.Shared;

/// <summary>What the pagination partial needs: the current page, how many there are, and a link for each.</summary>
internal sealed record Pager(int Page, int PageCount, Func<int, string> Href)
{
    /// <summary>A window of page numbers around the current one; 0 stands for an ellipsis.</summary>
    public IEnumerable<int> Numbers()
    {
        var from = Math.Max(1, Page - 2);
        var to = Math.Min(PageCount, Page + 2);
        if (from > 1)
        {
            yield return 1;
            if (from > 2)
            {
                yield return 0;
            }
        }

        for (var i = from; i <= to; i++)
        {
            yield return i;
        }

        if (to < PageCount)
        {
            if (to < PageCount - 1)
            {
                yield return 0;
            }

            yield return PageCount;
        }
    }
}
