using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sotong.Core.Open311.Formats;

/// <summary>
/// A GeoReport v2 error: the HTTP status the spec names (404 for what does not exist, 403 for a wrong or missing
/// api_key, 400 for anything else) and one or more code/description pairs for the body.
/// </summary>
public sealed class Open311Exception(int statusCode, IReadOnlyList<Open311Error> errors)
    : Exception(string.Join("; ", errors.Select(e => e.Description)))
{
    public Open311Exception(int statusCode, string description) : this(statusCode, [new Open311Error(statusCode, description)])
    {
    }

    public int StatusCode { get; } = statusCode;
    public IReadOnlyList<Open311Error> Errors { get; } = errors;

    public static Open311Exception NotFound(string description) => new(StatusCodes.Status404NotFound, description);

    public static Open311Exception BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static Open311Exception Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);
}

/// <summary>One entry of <c>errors/error</c>; the code matches the HTTP status, as the spec suggests for most cases.</summary>
public sealed record Open311Error(int Code, string Description)
{
    public static Open311Node Document(IEnumerable<Open311Error> errors) =>
        new Open311List("errors", [.. errors.Select(e => new Open311Object("error", [new Open311Value("code", e.Code), new Open311Value("description", e.Description)]))]);
}

/// <summary>
/// Every GeoReport answer, an error included, comes in the format of the URL (XML when the format is not one we
/// serve). A failure nobody foresaw is the spec's "400 - General service error", logged here.
/// </summary>
internal sealed partial class Open311ErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Open311Exception e)
        {
            return new Open311Result(Open311Error.Document(e.Errors), FormatOf(context.HttpContext), e.StatusCode);
        }
        catch (BadHttpRequestException e)
        {
            return new Open311Result(Open311Error.Document([new Open311Error(StatusCodes.Status400BadRequest, e.Message)]), FormatOf(context.HttpContext), StatusCodes.Status400BadRequest);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<Open311ErrorFilter>>();
            LogFailure(logger, context.HttpContext.Request.Path.Value ?? "", e);
            return new Open311Result(Open311Error.Document([new Open311Error(StatusCodes.Status400BadRequest, "General service error: the request could not be processed. Please tell the city if this persists.")]),
                FormatOf(context.HttpContext), StatusCodes.Status400BadRequest);
        }
    }

    private static Open311Format FormatOf(HttpContext http) =>
        Open311Call.TryParseFormat(http.GetRouteValue("format") as string, out var format) ? format : Open311Format.Xml;

    [LoggerMessage(Level = LogLevel.Error, Message = "Open311 request {Path} failed")]
    private static partial void LogFailure(ILogger logger, string path, Exception exception);
}
