namespace Platform.SharedKernel.Paging;

/// <summary>One page of a list endpoint's answer.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Paging query parameters, clamped to sane bounds.</summary>
public readonly record struct PageRequest(int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 100;

    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
    public int Skip => (SafePage - 1) * SafePageSize;
}
