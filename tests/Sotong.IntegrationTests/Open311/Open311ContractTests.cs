using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Open311;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Open311;

/// <summary>The app serving one jurisdiction, so a request naming another one can be told apart.</summary>
public class Open311SqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Open311:JurisdictionId"] = "sotong.example" };
}

public class Open311PostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Open311:JurisdictionId"] = "sotong.example" };
}

public sealed class SqliteOpen311ContractTests(Open311SqliteApp app) : Open311ContractTests<Open311SqliteApp>(app);

public sealed class PostgresOpen311ContractTests(Open311PostgresApp app) : Open311ContractTests<Open311PostgresApp>(app);

public sealed record Open311KeyDto(Guid Id, string Name, string Prefix, string? Key, DateTime CreatedAtUtc, DateTime? RevokedAtUtc);

/// <summary>
/// GeoReport v2 over HTTP, checked against the written spec (wiki.open311.org/GeoReport_v2, Service Discovery) and
/// mySociety's servicerequestupdates: element names and order, both formats, the error list with the spec's statuses,
/// the 90-day / 1,000-request defaults, W3C times with +09:00, and no personal data in any answer.
/// </summary>
public abstract class Open311ContractTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private static readonly string[] UpdateFields = ["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"];

    private const string SeoulW3c = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$";

    private IDbContextFactory<SotongDbContext> Db => app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>();

    private async Task<Open311KeyDto> NewKeyAsync(string name = "FixMyCity")
    {
        var admin = await app.SignedInAsync("admin@sotong.example");
        var response = await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Open311KeyDto>())!;
    }

    private static FormUrlEncodedContent Form(params (string Key, string? Value)[] fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));

    private async Task<HttpResponseMessage> PostAsync(string format, params (string Key, string? Value)[] fields) =>
        await app.NewClient().PostAsync($"/open311/v2/requests.{format}", Form(fields));

    /// <summary>A successful POST (JSON): the receipt number and the token.</summary>
    private async Task<(string Id, string Token)> ReportAsync(string key, string serviceCode, string description, params (string Key, string? Value)[] extra)
    {
        var fields = new List<(string, string?)> { ("api_key", key), ("service_code", serviceCode), ("lat", "37.5665"), ("long", "126.9780"), ("description", description) };
        fields.AddRange(extra);
        var response = await PostAsync("json", [.. fields]);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var item = JsonDocument.Parse(body).RootElement.EnumerateArray().Single();
        return (item.GetProperty("service_request_id").GetString()!, item.GetProperty("token").GetString()!);
    }

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK, HttpClient? client = null)
    {
        var response = await (client ?? app.NewClient()).GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<XDocument> XmlAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await app.NewClient().GetAsync(url);
        return await XmlOfAsync(response, expected);
    }

    private static async Task<XDocument> XmlOfAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        body.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        return XDocument.Parse(body);
    }

    private static List<string> Names(XElement element) => [.. element.Elements().Select(e => e.Name.LocalName)];

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static void ShouldBeErrors(JsonElement root, int code)
    {
        root.ValueKind.ShouldBe(JsonValueKind.Array);
        root.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var error in root.EnumerateArray())
        {
            Names(error).ShouldBe(["code", "description"]);
            error.GetProperty("code").GetInt32().ShouldBe(code);
            error.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
        }
    }

    private static void ShouldBeErrors(XDocument doc, int code)
    {
        doc.Root!.Name.LocalName.ShouldBe("errors");
        var errors = doc.Root.Elements().ToList();
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => e.Name.LocalName == "error");
        Names(errors[0]).ShouldBe(["code", "description"]);
        errors[0].Element("code")!.Value.ShouldBe(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<int> MessagesWithTextAsync(string text)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.InboxMessages.CountAsync(m => m.Text == text);
    }

    [Fact]
    public async Task Given_a_routing_rule_added_and_deleted_Then_the_changeset_moves_each_time()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        string Changeset(JsonElement d) => d.GetProperty("changeset").GetString()!;
        var before = Changeset(await JsonAsync("/open311/discovery.json"));
        await Task.Delay(1100); // the changeset counts whole seconds
        var division = (await comms.GetFromJsonAsync<JsonElement>("/api/v1/triage/routing"))[0].GetProperty("divisionId").GetGuid();
        var created = await comms.PostAsJsonAsync("/api/v1/triage/routing", new { topic = "roads", keywords = new[] { "변경집합" + Guid.NewGuid().ToString("N")[..6] }, divisionId = division });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>();
        var added = Changeset(await JsonAsync("/open311/discovery.json"));
        DateTimeOffset.Parse(added, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture));

        await Task.Delay(1100);
        (await comms.DeleteAsync($"/api/v1/triage/routing/{rule.GetProperty("id").GetGuid()}?version={rule.GetProperty("version").GetInt32()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var deleted = Changeset(await JsonAsync("/open311/discovery.json"));
        // A deleted rule leaves no row to date, yet clients must still hear that the services changed.
        DateTimeOffset.Parse(deleted, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.Parse(added, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Given_discovery_Then_both_formats_carry_the_spec_fields_and_point_at_the_v2_endpoint()
    {
        var json = await JsonAsync("/open311/discovery.json");
        Names(json).ShouldBe(["changeset", "contact", "key_service", "endpoints"]);
        json.GetProperty("changeset").GetString()!.ShouldMatch(SeoulW3c);
        json.GetProperty("key_service").GetString().ShouldNotBeNullOrWhiteSpace();
        var endpoint = json.GetProperty("endpoints").EnumerateArray().Single();
        Names(endpoint).ShouldBe(["specification", "url", "changeset", "type", "formats"]);
        endpoint.GetProperty("specification").GetString().ShouldBe("http://wiki.open311.org/GeoReport_v2");
        endpoint.GetProperty("url").GetString().ShouldEndWith("/open311/v2");
        endpoint.GetProperty("type").GetString().ShouldBe("production");
        endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()).ShouldBe(["text/xml", "application/json"]);

        var xml = await XmlAsync("/open311/discovery.xml");
        xml.Root!.Name.LocalName.ShouldBe("discovery");
        Names(xml.Root).ShouldBe(["changeset", "contact", "key_service", "endpoints"]);
        var xmlEndpoint = xml.Root.Element("endpoints")!.Elements("endpoint").Single();
        xmlEndpoint.Element("specification")!.Value.ShouldBe("http://wiki.open311.org/GeoReport_v2");
        xmlEndpoint.Element("formats")!.Elements("format").Select(f => f.Value).ShouldBe(["text/xml", "application/json"]);

        // The URL the discovery names serves the services list.
        var url = new Uri(endpoint.GetProperty("url").GetString()!);
        (await app.NewClient().GetAsync($"{url.AbsolutePath}/services.xml")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_the_service_list_Then_each_topic_is_a_realtime_service_with_the_spec_fields_in_order_in_JSON_and_XML()
    {
        var json = await JsonAsync("/open311/v2/services.json");
        json.ValueKind.ShouldBe(JsonValueKind.Array);
        json.GetArrayLength().ShouldBe(11);
        foreach (var service in json.EnumerateArray())
        {
            Names(service).ShouldBe(ServiceFields);
            service.GetProperty("metadata").ValueKind.ShouldBe(JsonValueKind.False);
            service.GetProperty("type").GetString().ShouldBe("realtime");
        }
        var transport = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "transport");
        transport.GetProperty("service_name").GetString().ShouldBe("교통");

        var xml = await XmlAsync("/open311/v2/services.xml");
        xml.Root!.Name.LocalName.ShouldBe("services");
        var services = xml.Root.Elements().ToList();
        services.Count.ShouldBe(11);
        services.ShouldAllBe(s => s.Name.LocalName == "service");
        services.ForEach(s => Names(s).ShouldBe(ServiceFields));
        services.Single(s => s.Element("service_code")!.Value == "transport").Element("metadata")!.Value.ShouldBe("false");

        // English on request: Accept-Language, or locale=en which wins over it.
        var english = app.NewClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9,ko;q=0.5");
        (await JsonAsync("/open311/v2/services.json", client: english)).EnumerateArray()
            .Single(s => s.GetProperty("service_code").GetString() == "transport").GetProperty("service_name").GetString().ShouldBe("Transport");
        (await JsonAsync("/open311/v2/services.json?locale=ko", client: english)).EnumerateArray()
            .Single(s => s.GetProperty("service_code").GetString() == "transport").GetProperty("service_name").GetString().ShouldBe("교통");
        (await JsonAsync("/open311/v2/services.json?locale=en")).EnumerateArray()
            .Single(s => s.GetProperty("service_code").GetString() == "roads").GetProperty("service_name").GetString().ShouldBe("Roads and facilities");
    }

    [Fact]
    public async Task Given_a_service_code_Then_its_definition_has_no_attributes_and_an_unknown_one_is_a_404_error_list()
    {
        var json = await JsonAsync("/open311/v2/services/transport.json");
        Names(json).ShouldBe(["service_code", "attributes"]);
        json.GetProperty("service_code").GetString().ShouldBe("transport");
        json.GetProperty("attributes").GetArrayLength().ShouldBe(0);

        var xml = await XmlAsync("/open311/v2/services/transport.xml");
        xml.Root!.Name.LocalName.ShouldBe("service_definition");
        Names(xml.Root).ShouldBe(["service_code", "attributes"]);
        xml.Root.Element("attributes")!.HasElements.ShouldBeFalse();

        ShouldBeErrors(await JsonAsync("/open311/v2/services/potholes-on-mars.json", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await XmlAsync("/open311/v2/services/potholes-on-mars.xml", HttpStatusCode.NotFound), 404);
    }

    [Fact]
    public async Task Given_the_request_details_cannot_be_stored_Then_the_report_is_not_stored_either()
    {
        var key = await NewKeyAsync("Atomic app");
        var (_, token) = await ReportAsync(key.Key!, "roads", "첫 신고 " + Guid.NewGuid());
        Open311Request existing;
        await using (var db = await Db.CreateDbContextAsync())
        {
            existing = await db.Set<Open311Request>().AsNoTracking().SingleAsync(r => r.Token == token);
        }
        // The same intake a POST uses, with details that clash with a stored request's token (unique): the message
        // and its details go in one transaction, so the message is refused with them.
        var providerId = "open311-" + Guid.NewGuid();
        var inbound = new InboundMessage(InboxChannel.Web, providerId, null, "가로등이 꺼졌어요", existing.RequestedAtUtc, MessageKind.WebForm)
        {
            Companion = id => new Open311Request { MessageId = id, Token = existing.Token, ServiceCode = "roads", ApiKeyId = existing.ApiKeyId, RequestedAtUtc = existing.RequestedAtUtc },
        };
        await Should.ThrowAsync<DbUpdateException>(() => app.Services.GetRequiredService<InboxIntake>().AcceptAsync([inbound], CancellationToken.None));
        await using (var db = await Db.CreateDbContextAsync())
        {
            (await db.InboxMessages.CountAsync(m => m.ProviderMessageId == providerId)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Given_a_POST_without_a_valid_key_Then_it_is_a_403_error_list_and_nothing_is_stored()
    {
        var text = "가로등이 꺼졌어요 " + Guid.NewGuid();
        var missing = await PostAsync("json", ("service_code", "roads"), ("lat", "37.5"), ("long", "127.0"), ("description", text));
        missing.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ShouldBeErrors(JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement, 403);

        var wrong = await PostAsync("xml", ("api_key", "not-a-key"), ("service_code", "roads"), ("lat", "37.5"), ("long", "127.0"), ("description", text));
        ShouldBeErrors(await XmlOfAsync(wrong, HttpStatusCode.Forbidden), 403);

        // A revoked key stops working at once.
        var key = await NewKeyAsync("Revoked app");
        await ReportAsync(key.Key!, "roads", "취소 전 " + Guid.NewGuid());
        var admin = await app.SignedInAsync("admin@sotong.example");
        var revoked = await admin.DeleteAsync($"/api/v1/open311/keys/{key.Id}");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revoked.Content.ReadFromJsonAsync<Open311KeyDto>())!.RevokedAtUtc.ShouldNotBeNull();
        var after = await PostAsync("json", ("api_key", key.Key), ("service_code", "roads"), ("lat", "37.5"), ("long", "127.0"), ("description", text));
        after.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ShouldBeErrors(JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement, 403);

        (await MessagesWithTextAsync(text)).ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_POST_without_a_location_or_service_Then_it_is_a_400_and_an_unknown_service_a_404_with_nothing_stored()
    {
        var key = (await NewKeyAsync()).Key!;
        var text = "위치 없는 신고 " + Guid.NewGuid();

        var noLocation = await PostAsync("json", ("api_key", key), ("service_code", "roads"), ("description", text));
        noLocation.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await noLocation.Content.ReadAsStringAsync()).RootElement;
        ShouldBeErrors(errors, 400);
        errors.EnumerateArray().ShouldContain(e => e.GetProperty("description").GetString()!.Contains("location"));

        // Half a coordinate is not a location; every problem is listed at once.
        var half = await PostAsync("xml", ("api_key", key), ("lat", "37.5"), ("description", text));
        var halfErrors = await XmlOfAsync(half, HttpStatusCode.BadRequest);
        ShouldBeErrors(halfErrors, 400);
        halfErrors.Root!.Elements("error").Count().ShouldBeGreaterThanOrEqualTo(2);

        var unknown = await PostAsync("json", ("api_key", key), ("service_code", "potholes-on-mars"), ("address_string", "세종대로 110"), ("description", text));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldBeErrors(JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement, 404);

        var tooLong = await PostAsync("json", ("api_key", key), ("service_code", "roads"), ("address_id", "A-1"), ("description", new string('가', 4001)));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The spec's POST is a form; JSON is a 400 in the spec's error format.
        var json = await app.NewClient().PostAsJsonAsync("/open311/v2/requests.json", new { api_key = key, service_code = "roads", address_id = "A-1", description = text });
        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeErrors(JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement, 400);

        (await MessagesWithTextAsync(text)).ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_successful_POST_Then_the_request_is_open_in_the_list_by_id_and_by_token_with_W3C_times_and_no_personal_data()
    {
        var key = (await NewKeyAsync()).Key!;
        var text = "보도블록이 깨져 있어요 " + Guid.NewGuid();
        var posted = await PostAsync("xml", ("api_key", key), ("jurisdiction_id", "sotong.example"), ("service_code", "roads"), ("lat", "37.5665"), ("long", "126.978"),
            ("address_string", "서울 중구 세종대로 110"), ("description", text), ("first_name", "길동"), ("last_name", "홍"), ("email", "hong@example.com"),
            ("phone", "010-2345-6789"), ("account_id", "acct-7"), ("device_id", "dev-1"), ("media_url", "https://img.example.com/1.jpg"));
        var created = await XmlOfAsync(posted, HttpStatusCode.OK);
        created.Root!.Name.LocalName.ShouldBe("service_requests");
        var request = created.Root.Elements("request").Single();
        Names(request).ShouldBe(["service_request_id", "token", "service_notice", "account_id"]);
        var id = request.Element("service_request_id")!.Value;
        var token = request.Element("token")!.Value;
        id.ShouldMatch(@"^W-\d{8}-\d{8}$");
        request.Element("account_id")!.Value.ShouldBe("acct-7");

        // The message is in the inbox like any other, with the citizen's name kept for staff.
        await using (var db = await Db.CreateDbContextAsync())
        {
            var message = await db.InboxMessages.SingleAsync(m => m.ReceiptNumber == id);
            (message.Text, message.Channel, message.CitizenName, message.ConsentToPublish).ShouldBe((text, InboxChannel.Web, "길동 홍", false));
            message.ContactId.ShouldNotBeNull();
            var row = await db.Set<Open311Request>().SingleAsync(r => r.MessageId == message.Id);
            (row.Token, row.ServiceCode, row.Latitude, row.AddressString, row.AccountId).ShouldBe((token, "roads", 37.5665, "서울 중구 세종대로 110", "acct-7"));
        }

        var one = await JsonAsync($"/open311/v2/requests/{id}.json");
        var item = one.EnumerateArray().Single();
        Names(item).ShouldBe(RequestFields);
        item.GetProperty("service_request_id").GetString().ShouldBe(id);
        item.GetProperty("status").GetString().ShouldBe("open");
        item.GetProperty("service_code").GetString().ShouldBe("roads");
        item.GetProperty("service_name").GetString().ShouldBe("도로·시설물");
        item.GetProperty("description").GetString().ShouldBe(text);
        item.GetProperty("lat").GetDouble().ShouldBe(37.5665);
        item.GetProperty("long").GetDouble().ShouldBe(126.978);
        item.GetProperty("media_url").GetString().ShouldBe("https://img.example.com/1.jpg");
        item.GetProperty("requested_datetime").GetString()!.ShouldMatch(SeoulW3c);
        item.GetProperty("updated_datetime").GetString()!.ShouldMatch(SeoulW3c);
        item.GetProperty("expected_datetime").ValueKind.ShouldBe(JsonValueKind.Null);
        var requested = DateTimeOffset.Parse(item.GetProperty("requested_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        (requested - TimeProvider.System.GetUtcNow()).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(5));

        var xml = await XmlAsync($"/open311/v2/requests/{id}.xml");
        xml.Root!.Name.LocalName.ShouldBe("service_requests");
        var xmlItem = xml.Root.Elements("request").Single();
        Names(xmlItem).ShouldBe(RequestFields);
        xmlItem.Element("status")!.Value.ShouldBe("open");
        xmlItem.Element("requested_datetime")!.Value.ShouldMatch(SeoulW3c);

        var list = await JsonAsync("/open311/v2/requests.json?service_code=roads");
        list.EnumerateArray().ShouldContain(r => r.GetProperty("service_request_id").GetString() == id);

        var byToken = await JsonAsync($"/open311/v2/tokens/{token}.json");
        var resolved = byToken.EnumerateArray().Single();
        Names(resolved).ShouldBe(["service_request_id", "token"]);
        resolved.GetProperty("service_request_id").GetString().ShouldBe(id);
        (await XmlAsync($"/open311/v2/tokens/{token}.xml")).Root!.Element("request")!.Element("service_request_id")!.Value.ShouldBe(id);

        // Nothing the citizen gave about themselves comes back out.
        foreach (var url in new[] { $"/open311/v2/requests/{id}.json", $"/open311/v2/requests/{id}.xml", "/open311/v2/requests.xml?service_code=roads" })
        {
            var body = await app.NewClient().GetStringAsync(url);
            foreach (var secret in new[] { "hong@example.com", "2345-6789", "길동", "acct-7", "dev-1" })
            {
                body.ShouldNotContain(secret);
            }
        }
    }

    [Fact]
    public async Task Given_a_phone_number_in_the_description_Then_every_answer_shows_it_masked()
    {
        var key = (await NewKeyAsync()).Key!;
        var (id, _) = await ReportAsync(key, "environment", "쓰레기 무단투기, 연락은 010-1234-5678 로 주세요 " + Guid.NewGuid());
        var json = await app.NewClient().GetStringAsync($"/open311/v2/requests/{id}.json");
        json.ShouldContain("010-****-****");
        json.ShouldNotContain("1234-5678");
        var xml = await app.NewClient().GetStringAsync($"/open311/v2/requests.xml?service_request_id={id}");
        xml.ShouldContain("010-****-****");
        xml.ShouldNotContain("1234-5678");
    }

    [Fact]
    public async Task Given_unknown_ids_formats_or_jurisdictions_Then_the_answer_is_a_404_error_list()
    {
        ShouldBeErrors(await JsonAsync("/open311/v2/requests/W-19990101-00000000.json", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await XmlAsync("/open311/v2/requests/W-19990101-00000000.xml", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await JsonAsync("/open311/v2/tokens/no-such-token.json", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await XmlAsync("/open311/v2/tokens/no-such-token.xml", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await XmlAsync("/open311/v2/services.csv", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await XmlAsync("/open311/v2/potholes.xml", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await JsonAsync("/open311/v3/services.json", HttpStatusCode.NotFound), 404);
        ShouldBeErrors(await JsonAsync("/open311/v2/services.json?jurisdiction_id=elsewhere.gov", HttpStatusCode.NotFound), 404);
        (await JsonAsync("/open311/v2/services.json?jurisdiction_id=sotong.example")).GetArrayLength().ShouldBe(11);
        // A request that is only a web-form message is not a GeoReport request.
        var web = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text = "웹 민원 " + Guid.NewGuid() });
        var receipt = (await web.Content.ReadFromJsonAsync<ReceiptDto>())!.ReceiptNumber;
        ShouldBeErrors(await JsonAsync($"/open311/v2/requests/{receipt}.json", HttpStatusCode.NotFound), 404);
    }

    [Fact]
    public async Task Given_requests_in_several_services_and_times_Then_the_filters_select_them_as_the_spec_says()
    {
        var key = (await NewKeyAsync()).Key!;
        var (roads, _) = await ReportAsync(key, "roads", "도로 파손 " + Guid.NewGuid());
        var (env, _) = await ReportAsync(key, "environment", "악취 " + Guid.NewGuid());
        var (old, _) = await ReportAsync(key, "roads", "지난달 신고 " + Guid.NewGuid());
        await using (var db = await Db.CreateDbContextAsync())
        {
            var oldId = await db.InboxMessages.Where(m => m.ReceiptNumber == old).Select(m => m.Id).SingleAsync();
            var row = await db.Set<Open311Request>().SingleAsync(r => r.MessageId == oldId);
            row.RequestedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-20);
            await db.SaveChangesAsync();
        }

        static List<string> Ids(JsonElement list) => [.. list.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];

        var roadsOnly = Ids(await JsonAsync("/open311/v2/requests.json?service_code=roads"));
        roadsOnly.ShouldContain(roads);
        roadsOnly.ShouldContain(old);
        roadsOnly.ShouldNotContain(env);
        var both = Ids(await JsonAsync("/open311/v2/requests.json?service_code=roads,environment"));
        both.ShouldContain(roads);
        both.ShouldContain(env);

        // A comma list of ids overrides every other argument (even a service code that excludes them).
        var listed = Ids(await JsonAsync($"/open311/v2/requests.json?service_request_id={roads},{env}&service_code=transport&status=closed"));
        listed.ShouldBe([roads, env], ignoreOrder: true);

        // Dates: requested_datetime within [start_date, end_date], in W3C format with any offset.
        var now = TimeProvider.System.GetUtcNow();
        string W3c(DateTimeOffset t) => Uri.EscapeDataString(t.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var recent = Ids(await JsonAsync($"/open311/v2/requests.json?service_code=roads&start_date={W3c(now.AddDays(-5))}"));
        recent.ShouldContain(roads);
        recent.ShouldNotContain(old);
        var earlier = Ids(await JsonAsync($"/open311/v2/requests.json?service_code=roads&start_date={now.AddDays(-25).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}&end_date={now.AddDays(-15).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        earlier.ShouldBe([old]);

        var open = Ids(await JsonAsync("/open311/v2/requests.json?service_code=roads,environment&status=open"));
        open.ShouldContain(roads);
        Ids(await JsonAsync("/open311/v2/requests.json?service_code=roads,environment&status=closed")).ShouldBeEmpty();

        ShouldBeErrors(await JsonAsync("/open311/v2/requests.json?status=pending", HttpStatusCode.BadRequest), 400);
        ShouldBeErrors(await JsonAsync("/open311/v2/requests.json?start_date=yesterday", HttpStatusCode.BadRequest), 400);
        ShouldBeErrors(await JsonAsync($"/open311/v2/requests.json?start_date={now.AddDays(-200).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}&end_date={now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", HttpStatusCode.BadRequest), 400);
    }

    [Fact]
    public async Task Given_more_than_1000_requests_and_one_older_than_90_days_Then_the_default_answer_is_the_newest_1000_of_the_last_90_days()
    {
        var key = await NewKeyAsync("Bulk");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        const string code = "bulk-test";
        string oldest;
        await using (var db = await Db.CreateDbContextAsync())
        {
            // Rows written directly: 1,001 reports over the last 80 days, and one from 100 days ago.
            for (var i = 0; i <= 1001; i++)
            {
                var at = i == 1001 ? now.AddDays(-100) : now.AddMinutes(-i * 115);
                var message = new InboxMessage
                {
                    ReceiptNumber = $"W-BULK-{Guid.NewGuid():N}"[..24],
                    FollowKeyHash = new string('0', 64),
                    Channel = InboxChannel.Web,
                    ProviderMessageId = $"bulk-{Guid.NewGuid():N}",
                    Text = $"대량 {i}",
                    ReceivedAtUtc = at,
                };
                db.InboxMessages.Add(message);
                db.Set<Open311Request>().Add(new Open311Request { MessageId = message.Id, Token = Guid.NewGuid().ToString(), ServiceCode = code, ApiKeyId = key.Id, RequestedAtUtc = at, AddressId = "A" });
            }
            await db.SaveChangesAsync();
            oldest = await db.InboxMessages.Where(m => m.Text == "대량 1001").Select(m => m.ReceiptNumber).SingleAsync();
        }

        var page = await JsonAsync($"/open311/v2/requests.json?service_code={code}");
        page.GetArrayLength().ShouldBe(1000);
        var texts = page.EnumerateArray().Select(r => r.GetProperty("description").GetString()).ToList();
        texts.ShouldContain("대량 0");
        texts.ShouldNotContain("대량 1000");
        texts.ShouldNotContain("대량 1001");
        (await XmlAsync($"/open311/v2/requests.xml?service_code={code}")).Root!.Elements("request").Count().ShouldBe(1000);

        // The old one is there when asked for by its dates (a span of at most 90 days) or by id.
        var window = await JsonAsync($"/open311/v2/requests.json?service_code={code}&start_date={now.AddDays(-110):yyyy-MM-dd'T'HH:mm:ss'Z'}&end_date={now.AddDays(-95):yyyy-MM-dd'T'HH:mm:ss'Z'}");
        window.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([oldest]);
        (await JsonAsync($"/open311/v2/requests.json?service_request_id={oldest}")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Given_an_answered_case_Then_its_request_is_closed_with_the_masked_answer_and_the_updates_show_each_step()
    {
        var key = (await NewKeyAsync()).Key!;
        var (id, _) = await ReportAsync(key, "transport", "버스 정류장 표지판이 쓰러졌어요 " + Guid.NewGuid());
        var comms = await app.SignedInAsync("comms@sotong.example");
        var divisions = (await comms.GetFromJsonAsync<List<DivisionDto>>("/api/v1/divisions"))!;
        var bus = divisions.Single(d => d.Code == "TRN-BUS");
        Guid messageId;
        await using (var db = await Db.CreateDbContextAsync())
        {
            messageId = await db.InboxMessages.Where(m => m.ReceiptNumber == id).Select(m => m.Id).SingleAsync();
        }
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{messageId}/route", new { divisionId = bus.Id, version = 0 })).EnsureSuccessStatusCode();

        // Routed: the division is the agency responsible, before any case.
        var routed = (await JsonAsync($"/open311/v2/requests/{id}.json")).EnumerateArray().Single();
        routed.GetProperty("agency_responsible").GetString().ShouldBe(bus.NameKo);

        var opened = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = new[] { messageId }, type = "Grievance" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var busOfficer = await app.StaffIdAsync("bus@sotong.example");
        var assigned = await comms.PostAsJsonAsync($"/api/v1/cases/{caseId}/assign", new { version = 0, staffId = busOfficer });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var inProgress = (await JsonAsync($"/open311/v2/requests/{id}.json")).EnumerateArray().Single();
        inProgress.GetProperty("status").GetString().ShouldBe("open");
        inProgress.GetProperty("expected_datetime").GetString()!.ShouldMatch(SeoulW3c);
        // The assignment's note is the officer's name: not for the public.
        inProgress.GetProperty("status_notes").ValueKind.ShouldBe(JsonValueKind.Null);

        var officer = await app.SignedInAsync("bus@sotong.example");
        var version = (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var answered = await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/answer", new { version, text = "표지판을 다시 세웠습니다. 문의: 02-120-1234 담당자 010-9876-5432" });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());

        var closed = (await JsonAsync($"/open311/v2/requests/{id}.json")).EnumerateArray().Single();
        closed.GetProperty("status").GetString().ShouldBe("closed");
        var notes = closed.GetProperty("status_notes").GetString()!;
        notes.ShouldStartWith("표지판을 다시 세웠습니다.");
        notes.ShouldContain("010-****-****");
        notes.ShouldNotContain("9876-5432");
        closed.GetProperty("agency_responsible").GetString().ShouldBe(bus.NameKo);
        DateTimeOffset.Parse(closed.GetProperty("updated_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(DateTimeOffset.Parse(closed.GetProperty("requested_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var statuses = await JsonAsync($"/open311/v2/requests.json?service_request_id={id}&status=open");
        statuses.GetArrayLength().ShouldBe(1, "an id list overrides the status filter");
        (await JsonAsync("/open311/v2/requests.json?service_code=transport&status=closed")).EnumerateArray()
            .ShouldContain(r => r.GetProperty("service_request_id").GetString() == id);
        (await JsonAsync("/open311/v2/requests.json?service_code=transport&status=open")).EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("service_request_id").GetString() == id);

        var updates = await JsonAsync($"/open311/v2/servicerequestupdates.json?service_request_id={id}");
        var steps = updates.EnumerateArray().ToList();
        steps.ForEach(u => Names(u).ShouldBe(UpdateFields));
        steps.Select(u => u.GetProperty("status").GetString()).ShouldBe(["open", "investigating", "closed"]);
        steps.ShouldAllBe(u => u.GetProperty("service_request_id").GetString() == id && u.GetProperty("media_url").GetString() == "");
        steps.Select(u => u.GetProperty("update_id").GetString()).Distinct().Count().ShouldBe(3);
        steps.ForEach(u => u.GetProperty("updated_datetime").GetString()!.ShouldMatch(SeoulW3c));
        steps[1].GetProperty("description").GetString().ShouldBe("");
        steps[2].GetProperty("description").GetString()!.ShouldContain("010-****-****");
        steps[2].GetProperty("description").GetString()!.ShouldNotContain("9876-5432");

        var xml = await XmlAsync($"/open311/v2/servicerequestupdates.xml?service_request_id={id}");
        xml.Root!.Name.LocalName.ShouldBe("service_request_updates");
        var xmlSteps = xml.Root.Elements().ToList();
        xmlSteps.ShouldAllBe(e => e.Name.LocalName == "request_update");
        xmlSteps.ForEach(e => Names(e).ShouldBe(UpdateFields));
        xmlSteps.Last().Element("status")!.Value.ShouldBe("closed");

        // Outside the date window there are no updates.
        var past = TimeProvider.System.GetUtcNow().AddDays(-30).UtcDateTime;
        (await JsonAsync($"/open311/v2/servicerequestupdates.json?service_request_id={id}&end_date={past:yyyy-MM-dd'T'HH:mm:ss'Z'}")).GetArrayLength().ShouldBe(0);
    }

    private async Task<Guid> OpenCaseAsync(HttpClient comms, string receipt, Guid divisionId)
    {
        Guid messageId;
        await using (var db = await Db.CreateDbContextAsync())
        {
            messageId = await db.InboxMessages.Where(m => m.ReceiptNumber == receipt).Select(m => m.Id).SingleAsync();
        }
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{messageId}/route", new { divisionId, version = 0 })).EnsureSuccessStatusCode();
        var opened = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = new[] { messageId }, type = "Grievance" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Given_a_merged_case_and_one_transferred_out_Then_the_merged_request_follows_the_case_that_carries_on_and_the_other_is_closed_with_the_agency()
    {
        var key = (await NewKeyAsync()).Key!;
        var (first, _) = await ReportAsync(key, "transport", "마을버스가 안 와요 " + Guid.NewGuid());
        var (second, _) = await ReportAsync(key, "transport", "마을버스 배차 간격 " + Guid.NewGuid());
        var (third, _) = await ReportAsync(key, "transport", "고속버스 터미널 " + Guid.NewGuid());
        var comms = await app.SignedInAsync("comms@sotong.example");
        var bus = (await comms.GetFromJsonAsync<List<DivisionDto>>("/api/v1/divisions"))!.Single(d => d.Code == "TRN-BUS").Id;
        var merged = await OpenCaseAsync(comms, first, bus);
        var carriesOn = await OpenCaseAsync(comms, second, bus);
        var outside = await OpenCaseAsync(comms, third, bus);

        (await comms.PostAsJsonAsync($"/api/v1/cases/{merged}/merge", new { version = 0, targetCaseId = carriesOn })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync($"/open311/v2/requests/{first}.json")).EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("open");
        var busOfficer = await app.StaffIdAsync("bus@sotong.example");
        var assigned = await (await comms.PostAsJsonAsync($"/api/v1/cases/{carriesOn}/assign", new { version = 0, staffId = busOfficer })).Content.ReadFromJsonAsync<JsonElement>();
        var officer = await app.SignedInAsync("bus@sotong.example");
        (await officer.PostAsJsonAsync($"/api/v1/cases/{carriesOn}/answer", new { version = assigned.GetProperty("version").GetInt32(), text = "배차를 늘렸습니다." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var both = await JsonAsync($"/open311/v2/requests.json?service_request_id={first},{second}");
        both.GetArrayLength().ShouldBe(2);
        both.EnumerateArray().ShouldAllBe(r => r.GetProperty("status").GetString() == "closed" && r.GetProperty("status_notes").GetString() == "배차를 늘렸습니다.");
        var firstSteps = (await JsonAsync($"/open311/v2/servicerequestupdates.json?service_request_id={first}")).EnumerateArray()
            .Select(u => u.GetProperty("status").GetString()).ToList();
        firstSteps[^1].ShouldBe("closed");
        firstSteps.ShouldContain("investigating");

        (await comms.PostAsJsonAsync($"/api/v1/cases/{outside}/transfer-out", new { version = 0, agency = "한국도로공사", reason = "고속버스 터미널은 공사 소관입니다" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var transferred = (await JsonAsync($"/open311/v2/requests/{third}.json")).EnumerateArray().Single();
        transferred.GetProperty("status").GetString().ShouldBe("closed");
        transferred.GetProperty("agency_responsible").GetString().ShouldBe("한국도로공사");
        transferred.GetProperty("status_notes").GetString().ShouldBe("한국도로공사: 고속버스 터미널은 공사 소관입니다");
        var thirdSteps = (await JsonAsync($"/open311/v2/servicerequestupdates.json?service_request_id={third}")).EnumerateArray().ToList();
        thirdSteps.Select(u => u.GetProperty("status").GetString()).ShouldBe(["open", "not_councils_responsibility"]);
    }

    [Fact]
    public async Task Given_the_key_endpoints_Then_only_administrators_use_them_the_key_is_shown_once_and_every_change_is_audited()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        (await comms.GetAsync("/api/v1/open311/keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await comms.PostAsJsonAsync("/api/v1/open311/keys", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.NewClient().GetAsync("/api/v1/open311/keys")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var admin = await app.SignedInAsync("admin@sotong.example");
        (await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var created = await NewKeyAsync("서울 앱");
        created.Key!.Length.ShouldBe(43);
        created.Key.ShouldMatch("^[A-Za-z0-9_-]+$");
        created.Prefix.ShouldBe(created.Key[..8]);

        var listBody = await admin.GetStringAsync("/api/v1/open311/keys");
        listBody.ShouldNotContain(created.Key);
        var listed = JsonSerializer.Deserialize<List<Open311KeyDto>>(listBody, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        listed.Single(k => k.Id == created.Id).Key.ShouldBeNull();

        await using (var db = await Db.CreateDbContextAsync())
        {
            var stored = await db.Set<Open311ApiKey>().SingleAsync(k => k.Id == created.Id);
            stored.KeyHash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Key))));
        }

        (await admin.DeleteAsync($"/api/v1/open311/keys/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/v1/open311/keys/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var db = await Db.CreateDbContextAsync())
        {
            (await db.AuditEntries.Where(a => a.EntityType == "Open311ApiKey" && a.EntityId == created.Id.ToString()).Select(a => a.Action).ToListAsync())
                .ShouldBe(["Created", "Revoked"], ignoreOrder: true);
        }
    }
}
