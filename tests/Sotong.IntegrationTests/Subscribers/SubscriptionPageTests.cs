using System.Net;
using System.Text.RegularExpressions;
using Sotong.Core.Subscribers;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Subscribers;

public sealed class SqliteSubscriptionPageTests(SubscribersSqliteApp app) : SubscriptionPageTests<SubscribersSqliteApp>(app);

/// <summary>The pages as a browser without JavaScript uses them: each step is a form post that the server renders.</summary>
public abstract partial class SubscriptionPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    [GeneratedRegex("""<form[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)""")]
    private static partial Regex Hidden();

    /// <summary>The hidden fields (antiforgery token, form name, challenge) of the form that holds <paramref name="marker"/>.</summary>
    private static List<KeyValuePair<string, string>> HiddenFields(string html, string marker)
    {
        var form = FormTag().Matches(html).Select(m => m.Groups["body"].Value).First(b => b.Contains(marker, StringComparison.Ordinal));
        return Hidden().Matches(form).Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();
    }

    private static async Task<string> PostAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.Length > 2000 ? body[..2000] : body);
        return body;
    }

    [Fact]
    public async Task Given_the_subscribe_page_When_a_resident_goes_through_both_steps_Then_they_are_subscribed_and_can_leave_on_the_unsubscribe_page()
    {
        await app.EnsureSenderAsync();
        var client = app.NewClient();
        var phone = SubscriberApp.NewPhone();
        var page = await client.GetStringAsync("/subscribe");
        var step2 = await PostAsync(client, "/subscribe", [.. HiddenFields(page, "name=\"Phone\""), new("Phone", phone)]);
        step2.ShouldContain("name=\"Code\"");
        var fields = HiddenFields(step2, "name=\"Code\"");
        var challengeId = Guid.Parse(fields.Single(f => f.Key == "ChallengeId").Value);
        var code = await app.CodeFromOutboxAsync(challengeId, phone);

        // Too young: told on the page, in the form, with the guardian route.
        var young = await PostAsync(client, "/subscribe",
            [.. fields, new("Code", code), new("Gender", "Male"), new("BirthYear", (Sotong.Core.Common.Time.SeoulTime.ToSeoul(TimeProvider.System.GetUtcNow().UtcDateTime).Year - 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("DongCode", "myeong"), new("Interest", "welfare"), new("Interest", "jobs"), new("Consent", "true")]);
        young.ShouldContain("보호자");
        young.ShouldContain("name=\"Code\"");

        var done = await PostAsync(client, "/subscribe",
            [.. HiddenFields(young, "name=\"Code\""), new("Code", code), new("Gender", "Male"), new("BirthYear", "1966"),
             new("DongCode", "myeong"), new("Interest", "welfare"), new("Interest", "jobs"), new("Consent", "true")]);
        done.ShouldContain("data-testid=\"subscribe-done\"");
        var s = (await app.SubscriberAsync(await app.SubscriberIdAsync(phone)))!;
        (s.Status, s.BirthYear, s.Interests, s.Gender).ShouldBe((SubscriberStatus.Active, 1966, (1 << 0) | (1 << 4), SubscriberGender.Male));

        var leave = await client.GetStringAsync("/unsubscribe");
        var confirm = await PostAsync(client, "/unsubscribe", [.. HiddenFields(leave, "name=\"Phone\""), new("Phone", phone)]);
        var confirmFields = HiddenFields(confirm, "name=\"Code\"");
        var withdrawCode = await app.CodeFromOutboxAsync(Guid.Parse(confirmFields.Single(f => f.Key == "ChallengeId").Value), phone);
        var gone = await PostAsync(client, "/unsubscribe", [.. confirmFields, new("Code", withdrawCode)]);
        gone.ShouldContain("data-testid=\"unsubscribe-done\"");
        (await app.SubscriberAsync(s.Id))!.Status.ShouldBe(SubscriberStatus.Withdrawn);
    }

    [Fact]
    public async Task Given_staff_Then_the_subscriber_pages_render_for_the_roles_that_may_see_them()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        foreach (var path in new[] { "/staff/subscribers", "/staff/subscribers/new", "/staff/subscribers/import", "/staff/subscribers?dong=myeong&interest=welfare&status=Active&page=2" })
        {
            var response = await comms.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
        var list = WebUtility.HtmlDecode(await comms.GetStringAsync("/staff/subscribers"));
        list.ShouldContain("***-****-");
        list.ShouldNotContain("010-0000-");
        var admin = await app.SignedInAsync("admin@sotong.example");
        (await admin.GetAsync("/staff/subscribers/settings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A department officer reads the list but is sent away from the forms.
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await bus.GetAsync("/staff/subscribers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bus.GetAsync("/staff/subscribers/new")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
