using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sotong.Core.Open311.Formats;

namespace Sotong.Core.Open311.Requests;

internal static class Open311RequestEndpoints
{
    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/requests.{format}", async (string format, HttpRequest request, Open311RequestsHandler handler, IOptions<Open311Options> options, TimeProvider time, CancellationToken ct) =>
            {
                var call = Open311Call.From(request, format, options.Value);
                var query = new RequestQuery(Open311Call.ListArgument(request, "service_request_id"), Open311Call.ListArgument(request, "service_code"), Status(request),
                    Open311Window.From(request, time.GetUtcNow().UtcDateTime));
                return new Open311Result(await handler.QueryAsync(query, call.English, ct), call.Format);
            })
            .WithName("Open311Requests")
            .WithSummary("GeoReport v2: requests by id list, service, date range (at most 90 days) and status; at most 1,000")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");

        v2.MapGet("/requests/{serviceRequestId}.{format}", async (string serviceRequestId, string format, HttpRequest request, Open311RequestsHandler handler, IOptions<Open311Options> options, CancellationToken ct) =>
            {
                var call = Open311Call.From(request, format, options.Value);
                return new Open311Result(await handler.ByIdAsync(serviceRequestId, call.English, ct), call.Format);
            })
            .WithName("Open311Request")
            .WithSummary("GeoReport v2: one request (a one-element list)")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");

        v2.MapGet("/tokens/{token}.{format}", async (string token, string format, HttpRequest request, Open311RequestsHandler handler, IOptions<Open311Options> options, CancellationToken ct) =>
            {
                var call = Open311Call.From(request, format, options.Value);
                return new Open311Result(await handler.ByTokenAsync(token, ct), call.Format);
            })
            .WithName("Open311Token")
            .WithSummary("GeoReport v2: the service_request_id a POST's token stands for")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");

        v2.MapPost("/requests.{format}", async (string format, HttpRequest request, PostServiceRequestHandler handler, IOptions<Open311Options> options, CancellationToken ct) =>
            {
                var form = await ReadFormAsync(request, options.Value, ct);
                var call = Open311Call.From(request, format, options.Value, form);
                var posted = await handler.HandleAsync(PostServiceRequest.From(request, form), call.English, ct);
                return new Open311Result(posted.ToDocument(), call.Format);
            })
            .WithName("Open311PostRequest")
            .WithSummary("GeoReport v2: report an issue (form-encoded, api_key required)")
            .WithDescription("Arguments as in the GeoReport v2 spec: api_key, service_code, lat+long or address_string or address_id, and optionally email, device_id, account_id, first_name, last_name, phone, description (≤ 4,000 characters), media_url. Answers service_request_id (the receipt number) and token.")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");
    }

    private static bool? Status(HttpRequest request)
    {
        var statuses = Open311Call.ListArgument(request, "status").Select(s => s.ToLowerInvariant()).Distinct().ToList();
        var unknown = statuses.Where(s => s is not ("open" or "closed")).ToList();
        if (unknown.Count > 0)
        {
            throw Open311Exception.BadRequest($"status must be open or closed (got {string.Join(", ", unknown)}).");
        }
        return statuses.Count == 1 ? statuses[0] == "closed" : null;
    }

    /// <summary>The POST body: a form (url-encoded, or multipart from clients that send that), small.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, Open311Options options, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw Open311Exception.BadRequest("POST requests must be sent as application/x-www-form-urlencoded.");
        }
        if (request.ContentLength > options.MaxPostBytes)
        {
            throw Open311Exception.BadRequest($"The request is too large (at most {options.MaxPostBytes} bytes).");
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxPostBytes;
        }
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            throw Open311Exception.BadRequest($"The form could not be read: {e.Message}");
        }
    }
}
