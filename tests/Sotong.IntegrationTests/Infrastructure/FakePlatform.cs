using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sotong.IntegrationTests.Infrastructure;

/// <summary>One request a platform API received from Sotong.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, string? ContentType)
{
    /// <summary>The fields of a form-encoded body (the Graph API's POSTs).</summary>
    public Dictionary<string, string> Form => QueryHelpers.ParseQuery(Body).ToDictionary(p => p.Key, p => p.Value.ToString());
}

/// <summary>
/// An answer a test scripts for the next request it matches, used instead of the platform's normal one. With
/// <see cref="ProcessFirst"/> the stand-in first does what the platform would (makes the post) and then answers
/// this: a success whose answer was lost.
/// </summary>
public sealed record FakeAnswer(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool ProcessFirst { get; init; }
}

/// <summary>
/// A local HTTP server standing in for Meta's Graph API, X's API, Telegram's Bot API and Kakao's event API. It records
/// every request (so tests can assert its documented shape) and answers like the platform does: page posts and
/// Instagram containers are kept (and read back), a repeated X post is refused as duplicate content, a Kakao request
/// of more than 100 users or without its KakaoAK key is refused.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(Func<RecordedRequest, bool> Match, Queue<FakeAnswer> Answers)> _scripts = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Id, string Message)>> _pagePosts = new();
    private readonly ConcurrentDictionary<string, bool> _containers = new();
    private readonly ConcurrentDictionary<(string Token, string Text), bool> _tweets = new();
    private int _sequence;
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public string BaseUrl { get; }

    /// <summary>When set, the next API call answers with this status and body (a platform refusing).</summary>
    public (int Status, string Body)? NextFailure { get; set; }

    /// <summary>How long every answer takes (a platform's round trip).</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>The most requests the stand-in was answering at one time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    private FakePlatform(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The next requests matching <paramref name="match"/> get these answers, one each, in order.</summary>
    public void Script(Func<RecordedRequest, bool> match, params FakeAnswer[] answers)
    {
        lock (_scripts)
        {
            _scripts.Add((match, new Queue<FakeAnswer>(answers)));
        }
    }

    private FakeAnswer? Scripted(RecordedRequest request)
    {
        lock (_scripts)
        {
            foreach (var (match, answers) in _scripts)
            {
                if (answers.Count > 0 && match(request))
                {
                    return answers.Dequeue();
                }
            }
            return null;
        }
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
            var inFlight = Interlocked.Increment(ref self!._inFlight);
            InterlockedMax(ref self._maxInFlight, inFlight);
            try
            {
                await self.AnswerAsync(ctx);
            }
            finally
            {
                Interlocked.Decrement(ref self._inFlight);
            }
        });
        await app.StartAsync();
        var address = app.Urls.First();
        self = new FakePlatform(app, address.TrimEnd('/'));
        return self;
    }

    private async Task AnswerAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString.Value ?? "",
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, ctx.Request.ContentType);
        Requests.Enqueue(recorded);
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay);
        }
        if (NextFailure is { } failure)
        {
            NextFailure = null;
            ctx.Response.StatusCode = failure.Status;
            await ctx.Response.WriteAsync(failure.Body);
            return;
        }
        var scripted = Scripted(recorded);
        (int Status, string Body)? normal = scripted is null || scripted.ProcessFirst ? Answer(recorded) : null;
        ctx.Response.ContentType = "application/json";
        if (scripted is not null)
        {
            foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
            {
                ctx.Response.Headers[name] = value;
            }
            ctx.Response.StatusCode = scripted.Status;
            await ctx.Response.WriteAsync(scripted.Body);
            return;
        }
        var (status, answer) = normal!.Value;
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsync(answer);
    }

    private (int Status, string Body) Answer(RecordedRequest request)
    {
        var path = request.Path;
        var post = request.Method == "POST";
        return path switch
        {
            _ when path.EndsWith("/me/messages", StringComparison.Ordinal) => Ok("""{"recipient_id":"PSID","message_id":"m_reply_1"}"""),
            _ when path.EndsWith("/comments", StringComparison.Ordinal) || path.EndsWith("/replies", StringComparison.Ordinal) => Ok("""{"id":"comment_reply_1"}"""),
            _ when path == "/2/tweets" => Tweet(request),
            _ when path.StartsWith("/2/dm_conversations/", StringComparison.Ordinal) => Ok("""{"data":{"dm_conversation_id":"1-2","dm_event_id":"1790000000000000002"}}"""),
            _ when path.EndsWith("/sendMessage", StringComparison.Ordinal) => Ok("""{"ok":true,"result":{"message_id":777,"chat":{"id":1,"type":"private"},"date":1,"text":"ok"}}"""),
            _ when path.EndsWith("/talk", StringComparison.Ordinal) => Talk(request),
            _ when post && path.EndsWith("/feed", StringComparison.Ordinal) => PageFeed(request),
            _ when !post && path.EndsWith("/posts", StringComparison.Ordinal) => PagePosts(request),
            _ when post && path.EndsWith("/media_publish", StringComparison.Ordinal) => MediaPublish(request),
            _ when post && path.EndsWith("/media", StringComparison.Ordinal) => Media(request),
            _ when !post && Segment(path, 1).StartsWith("container-", StringComparison.Ordinal) => Container(path),
            _ => (404, """{"error":{"message":"unknown path"}}"""),
        };
    }

    private static (int, string) Ok(string body) => (200, body);

    private static (int, string) GraphError(int code, string message) =>
        (400, JsonSerializer.Serialize(new { error = new { message, type = "OAuthException", code, fbtrace_id = "AbCdEf" } }));

    private static string Segment(string path, int fromEnd)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= fromEnd ? parts[^fromEnd] : "";
    }

    /// <summary>X refuses a post whose text the account already posted; replies (which existing tests repeat) are not checked.</summary>
    private (int, string) Tweet(RecordedRequest request)
    {
        using var doc = JsonDocument.Parse(request.Body);
        var text = doc.RootElement.GetProperty("text").GetString()!;
        if (doc.RootElement.TryGetProperty("reply", out _))
        {
            return Ok("""{"data":{"id":"1790000000000000001","text":"ok"}}""");
        }
        if (!_tweets.TryAdd((request.Headers.GetValueOrDefault("Authorization", ""), text), true))
        {
            return (403, """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""");
        }
        var id = (1800000000000000000 + Interlocked.Increment(ref _sequence)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (201, JsonSerializer.Serialize(new { data = new { id, text } }));
    }

    private (int, string) Talk(RecordedRequest request)
    {
        if (!request.Headers.GetValueOrDefault("Authorization", "").StartsWith("KakaoAK ", StringComparison.Ordinal))
        {
            return (401, """{"status":"FAIL","message":"invalid KakaoAK key"}""");
        }
        using var doc = JsonDocument.Parse(request.Body);
        var users = doc.RootElement.GetProperty("user").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToList();
        if (users.Count is 0 or > 100 || users.Distinct().Count() != users.Count)
        {
            return (400, """{"status":"FAIL","message":"user must hold 1 to 100 distinct users"}""");
        }
        var task = Interlocked.Increment(ref _sequence);
        // The first task keeps the id existing tests expect.
        return Ok(JsonSerializer.Serialize(new { taskId = task == 1 ? "task-1" : $"task-{task}", status = "SUCCESS" }));
    }

    private (int, string) PageFeed(RecordedRequest request)
    {
        var form = request.Form;
        if (!form.ContainsKey("access_token"))
        {
            return GraphError(190, "An access token is required to request this resource.");
        }
        if (!form.ContainsKey("message") && !form.ContainsKey("link"))
        {
            return GraphError(100, "Invalid parameter: a post needs a message or a link.");
        }
        var page = Segment(request.Path, 2);
        var id = $"{page}_{Interlocked.Increment(ref _sequence)}";
        _pagePosts.GetOrAdd(page, _ => new()).Enqueue((id, form.GetValueOrDefault("message", "")));
        return Ok(JsonSerializer.Serialize(new { id }));
    }

    private (int, string) PagePosts(RecordedRequest request)
    {
        if (!request.Query.Contains("access_token=", StringComparison.Ordinal))
        {
            return GraphError(190, "An access token is required to request this resource.");
        }
        var posts = _pagePosts.TryGetValue(Segment(request.Path, 2), out var list) ? list.Reverse().Select(p => new { id = p.Id, message = p.Message }).ToArray() : [];
        return Ok(JsonSerializer.Serialize(new { data = posts }));
    }

    private (int, string) Media(RecordedRequest request)
    {
        var form = request.Form;
        if (!form.ContainsKey("access_token"))
        {
            return GraphError(190, "An access token is required to request this resource.");
        }
        // Instagram fetches the image itself and takes only JPEG.
        if (!form.TryGetValue("image_url", out var image) || !(image.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || image.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            return (400, """{"error":{"message":"Only photo or video can be accepted as media type.","type":"OAuthException","code":9004,"error_subcode":2207052}}""");
        }
        var id = $"container-{Interlocked.Increment(ref _sequence)}";
        _containers[id] = false;
        return Ok(JsonSerializer.Serialize(new { id }));
    }

    private (int, string) MediaPublish(RecordedRequest request)
    {
        var form = request.Form;
        if (!form.ContainsKey("access_token"))
        {
            return GraphError(190, "An access token is required to request this resource.");
        }
        if (!form.TryGetValue("creation_id", out var creation) || !_containers.ContainsKey(creation))
        {
            return GraphError(100, "Invalid parameter: creation_id is not a container of this account.");
        }
        _containers[creation] = true;
        return Ok(JsonSerializer.Serialize(new { id = $"media-{Interlocked.Increment(ref _sequence)}" }));
    }

    private (int, string) Container(string path)
    {
        var id = Segment(path, 1);
        return _containers.TryGetValue(id, out var published)
            ? Ok(JsonSerializer.Serialize(new { status_code = published ? "PUBLISHED" : "FINISHED", id }))
            : GraphError(100, "Unsupported get request.");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }

    public RecordedRequest OnlyOne(Func<RecordedRequest, bool> match) => Requests.Where(match).ShouldHaveSingleItem();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
