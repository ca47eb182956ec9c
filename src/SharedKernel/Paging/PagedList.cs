using Platform.SharedKernel.Errors;

namespace Platform.SharedKernel.Paging;

/// <summary>One page of a list endpoint's answer.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);
}

/// <summary>
/// Paging query parameters of every list endpoint; out of bounds answers 400, so that the offset of the
/// last page allowed still fits the database's OFFSET.
/// </summary>
public readonly record struct PageRequest
{
    public const int MaxPageSize = 100;
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public PageRequest(int page = 1, int pageSize = 20)
    {
        if (page is < 1 or > MaxPage)
        {
            throw ProblemException.BadRequest($"'page' must be between 1 and {MaxPage}.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw ProblemException.BadRequest($"'pageSize' must be between 1 and {MaxPageSize}.");
        }
        Page = page;
        PageSize = pageSize;
    }

    public int Page { get; }
    public int PageSize { get; }
    public int Skip => (Page - 1) * PageSize;
}
