using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Common.Errors;

/// <summary>Turns the domain's exceptions into problem-details responses: one place, every endpoint.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RequestValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },
            RuleViolationException r => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The action is not allowed in the item's current state.",
                Detail = r.Message,
                Extensions = { ["rule"] = r.Rule },
            },
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = n.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Someone else changed this item first.",
                Detail = "Reload it and apply your change again.",
                Extensions = { ["rule"] = "ConcurrentEdit" },
            },
            RateLimitedException => new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many messages from this connection.", Detail = "Wait a minute and try again." },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "The request could not be read.", Detail = b.Message },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
