using System.Linq.Expressions;

namespace Sotong.Core.Subscribers;

public enum InterestMatch
{
    /// <summary>Subscribers with at least one of the chosen interests.</summary>
    Any,

    /// <summary>Subscribers with every chosen interest.</summary>
    All,
}

/// <summary>An age band in whole years, inclusive at both ends; <c>null</c> for open-ended.</summary>
public sealed record AgeBand(int? From, int? To);

/// <summary>
/// Who a campaign goes to: active subscribers filtered by interests (any/all), gender, age bands and dongs. An empty
/// list means "no filter" on that field. Age is counted the Korean administrative way: this year minus birth year.
/// </summary>
public sealed record SubscriberSegment(
    int InterestMask = 0,
    InterestMatch InterestMatch = InterestMatch.Any,
    IReadOnlyList<SubscriberGender>? Genders = null,
    IReadOnlyList<AgeBand>? AgeBands = null,
    IReadOnlyList<string>? DongCodes = null)
{
    public static readonly SubscriberSegment Everyone = new();

    /// <summary>The segment as a filter over subscribers; translates to SQL on both providers.</summary>
    public IQueryable<Subscriber> Apply(IQueryable<Subscriber> subscribers, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        var query = subscribers.Where(s => s.Status == SubscriberStatus.Active);
        if (InterestMask != 0)
        {
            var mask = InterestMask;
            query = InterestMatch == InterestMatch.All
                ? query.Where(s => (s.Interests & mask) == mask)
                : query.Where(s => (s.Interests & mask) != 0);
        }
        if (Genders is { Count: > 0 } genders)
        {
            var list = genders.Distinct().ToList();
            query = query.Where(s => list.Contains(s.Gender));
        }
        if (DongCodes is { Count: > 0 } dongs)
        {
            var list = dongs.Distinct().ToList();
            query = query.Where(s => list.Contains(s.DongCode));
        }
        if (AgeBands is { Count: > 0 } bands)
        {
            // Each band becomes a birth-year range; the bands are OR-ed together.
            var ranges = bands.Select(b => (Min: b.To is { } to ? currentYear - to : int.MinValue, Max: b.From is { } from ? currentYear - from : int.MaxValue)).ToList();
            var predicate = ranges.Aggregate<(int Min, int Max), Expression<Func<Subscriber, bool>>?>(null, (acc, r) =>
            {
                var (min, max) = r;
                Expression<Func<Subscriber, bool>> band = s => s.BirthYear >= min && s.BirthYear <= max;
                return acc is null ? band : Or(acc, band);
            });
            query = query.Where(predicate!);
        }
        return query;
    }

    private static Expression<Func<Subscriber, bool>> Or(
        Expression<Func<Subscriber, bool>> left, Expression<Func<Subscriber, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = new ParameterSwap(right.Parameters[0], parameter).Visit(right.Body)!;
        return Expression.Lambda<Func<Subscriber, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
