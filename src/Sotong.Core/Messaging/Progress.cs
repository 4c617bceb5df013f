using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sotong.Core.Common.Errors;

namespace Sotong.Core.Messaging;

internal static class BatchProgressEndpoints
{
    public static void Map(RouteGroupBuilder staffApi)
    {
        staffApi.MapGet("/messaging/batches/{id:guid}", async (Guid id, Outbox outbox, CancellationToken ct) =>
                TypedResults.Ok(await outbox.ProgressAsync(id, ct) ?? throw new NotFoundException("The batch")))
            .WithName("GetBatchProgress")
            .WithSummary("A batch's progress: submitted, delivered, failed, rate and time left")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
