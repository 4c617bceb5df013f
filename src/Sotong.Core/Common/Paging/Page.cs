namespace Sotong.Core.Common.Paging;

/// <summary>One page of a list, with what a pager needs.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    public static (int Page, int Size) Normalize(int? page, int? size, int defaultSize = 20, int maxSize = 100) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? defaultSize, 1, maxSize));
}
