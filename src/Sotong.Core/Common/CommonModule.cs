using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Common;

/// <summary>What every module stands on: time, problem details, localisation, body limits.</summary>
public static class CommonModule
{
    public const long DefaultApiBodyLimit = 64 * 1024;

    /// <summary>Platforms batch many events into one webhook delivery.</summary>
    public const long WebhookBodyLimit = 1024 * 1024;

    public static IHostApplicationBuilder AddSotongCommon(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLocalization();
        // Enums travel as their names: readable, and stable when members are added.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            if (ctx.Exception is RateLimitedException limited)
            {
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// API and webhook bodies are small; a larger one is refused with 413 before it is read, whatever the
    /// server's general limit.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app, long apiLimit = DefaultApiBodyLimit) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var isHook = path.StartsWithSegments("/hooks");
            if (path.StartsWithSegments("/api") || isHook)
            {
                // An endpoint that takes files (a history import) says how much it takes ([RequestSizeLimit] metadata).
                var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? (isHook ? WebhookBodyLimit : apiLimit);
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                    await problems.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new ProblemDetails
                        {
                            Status = StatusCodes.Status413PayloadTooLarge,
                            Title = "The request body is too large.",
                            Detail = $"At most {limit} bytes are accepted here.",
                        },
                    });
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                {
                    feature.MaxRequestBodySize = limit;
                }
            }
            await next(context);
        });
}
