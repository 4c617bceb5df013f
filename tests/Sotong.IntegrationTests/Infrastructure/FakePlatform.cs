using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sotong.IntegrationTests.Infrastructure;

/// <summary>One request a platform API received from Sotong.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, string? ContentType);

/// <summary>
/// A local HTTP server standing in for Meta's Graph API, X's API, Telegram's Bot API and Kakao's event API. It records
/// every request (so tests can assert its documented shape) and answers like the platform does.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public string BaseUrl { get; }

    /// <summary>When set, the next API call answers with this status and body (a platform refusing).</summary>
    public (int Status, string Body)? NextFailure { get; set; }

    private FakePlatform(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakePlatform? self = null;
        app.Run(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Requests.Enqueue(new RecordedRequest(ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString.Value ?? "",
                ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, ctx.Request.ContentType));
            if (self.NextFailure is { } failure)
            {
                self.NextFailure = null;
                ctx.Response.StatusCode = failure.Status;
                await ctx.Response.WriteAsync(failure.Body);
                return;
            }
            ctx.Response.ContentType = "application/json";
            var path = ctx.Request.Path.Value!;
            var answer = path switch
            {
                _ when path.EndsWith("/me/messages", StringComparison.Ordinal) => """{"recipient_id":"PSID","message_id":"m_reply_1"}""",
                _ when path.EndsWith("/comments", StringComparison.Ordinal) || path.EndsWith("/replies", StringComparison.Ordinal) => """{"id":"comment_reply_1"}""",
                _ when path == "/2/tweets" => """{"data":{"id":"1790000000000000001","text":"ok"}}""",
                _ when path.StartsWith("/2/dm_conversations/", StringComparison.Ordinal) => """{"data":{"dm_conversation_id":"1-2","dm_event_id":"1790000000000000002"}}""",
                _ when path.EndsWith("/sendMessage", StringComparison.Ordinal) => """{"ok":true,"result":{"message_id":777,"chat":{"id":1,"type":"private"},"date":1,"text":"ok"}}""",
                _ when path.EndsWith("/talk", StringComparison.Ordinal) => """{"taskId":"task-1","status":"SUCCESS"}""",
                _ => null,
            };
            if (answer is null)
            {
                ctx.Response.StatusCode = 404;
                await ctx.Response.WriteAsync("""{"error":{"message":"unknown path"}}""");
                return;
            }
            await ctx.Response.WriteAsync(answer);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        self = new FakePlatform(app, address.TrimEnd('/'));
        return self;
    }

    public RecordedRequest OnlyOne(Func<RecordedRequest, bool> match) => Requests.Where(match).ShouldHaveSingleItem();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
