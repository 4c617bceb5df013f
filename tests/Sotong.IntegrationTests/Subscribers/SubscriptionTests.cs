using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;
using Sotong.Core.Subscribers.Verification;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Subscribers;

public sealed class SqliteSubscriptionTests(SubscribersSqliteApp app) : SubscriptionTests<SubscribersSqliteApp>(app);

public sealed class PostgresSubscriptionTests(SubscribersPostgresApp app) : SubscriptionTests<SubscribersPostgresApp>(app);

/// <summary>The resident's side over HTTP: sign-up with the code from the SMS, consent, re-consent, withdrawal on the web and by SMS keyword.</summary>
public abstract class SubscriptionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private async Task<OptionsDto> OptionsAsync() => (await app.NewClient().GetFromJsonAsync<OptionsDto>("/api/v1/subscriptions/options"))!;

    private async Task<List<Sotong.Core.Common.Audit.AuditEntry>> AuditAsync(string entityId)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Given_the_reference_data_Then_the_form_offers_jung_gus_15_dongs_9_interests_and_the_full_notice()
    {
        var options = await OptionsAsync();
        options.Dongs.Count.ShouldBe(15);
        options.Dongs.Select(d => d.NameKo).ShouldContain("신당5동");
        options.Interests.Select(i => i.NameKo).ShouldBe(["복지", "보건·의료", "교육", "문화", "일자리", "교통", "안전", "환경", "구정소식"]);
        options.Notice.Version.ShouldBe(1);
        options.Notice.RetentionMonths.ShouldBe(24);
        new[] { options.Notice.Purpose, options.Notice.Items, options.Notice.Retention, options.Notice.Refusal }.ShouldAllBe(t => t.Length > 10);
        options.MinimumAge.ShouldBe(14);

        var page = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/subscribe"));
        page.ShouldContain(options.Notice.Purpose);
        page.ShouldContain("인증번호 받기");
    }

    [Fact]
    public async Task Given_a_phone_When_the_code_from_the_SMS_and_the_details_are_sent_Then_the_resident_is_active_with_the_consent_recorded()
    {
        var phone = SubscriberApp.NewPhone();
        var client = app.NewClient();
        var options = await OptionsAsync();
        var sent = await app.RequestCodeAsync(client, phone);
        sent.CodeLength.ShouldBe(6);
        (sent.ExpiresAtUtc - TimeProvider.System.GetUtcNow().UtcDateTime).ShouldBeInRange(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        var code = await app.CodeFromOutboxAsync(sent.ChallengeId, phone);
        code.Length.ShouldBe(6);

        // Only a keyed hash of the code is kept.
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var challenge = await db.Set<PhoneChallenge>().SingleAsync(c => c.Id == sent.ChallengeId);
            challenge.CodeHash.ShouldNotContain(code);
            challenge.CodeHash.Length.ShouldBe(64);
        }

        var response = await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version, birthYear: 1975, interests: ["welfare", "교통"]));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<SignUpResultDto>())!;
        result.Renewed.ShouldBeFalse();
        result.ExpiresAtUtc.ShouldBe(result.ConsentedAtUtc.AddMonths(24));

        var id = await app.SubscriberIdAsync(phone);
        var s = (await app.SubscriberAsync(id))!;
        s.Status.ShouldBe(SubscriberStatus.Active);
        s.Source.ShouldBe(SubscriberSource.Web);
        s.ConsentNoticeVersion.ShouldBe(options.Notice.Version);
        s.ConfirmedAtUtc.ShouldNotBeNull();
        s.BirthYear.ShouldBe(1975);
        s.DongCode.ShouldBe("myeong");
        s.Interests.ShouldBe((1 << 0) | (1 << 5));
        s.PhoneLast4.ShouldBe(phone[^4..]);
        s.ProtectedPhone.ShouldNotContain(phone[^4..]);

        // A code is good once.
        var again = await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The audit trail has the sign-up and the code, never the number.
        var audit = await AuditAsync(id.ToString());
        audit.Select(a => a.Action).ShouldContain("SignedUp");
        (await AuditAsync(sent.ChallengeId.ToString())).Select(a => a.Action).ShouldBe(["CodeSent", "CodeConfirmed"]);
        var digits = SubscriberRules.NormalizePhone(phone)[3..];
        audit.ShouldAllBe(a => a.Detail == null || !a.Detail.Contains(digits));
    }

    [Fact]
    public async Task Given_a_known_number_When_it_signs_up_again_Then_its_preferences_and_consent_are_renewed()
    {
        var phone = SubscriberApp.NewPhone();
        var id = await app.SignUpAsync(phone, dong: "sogong", interests: ["culture"]);
        var client = app.NewClient();
        var options = await OptionsAsync();
        var sent = await app.RequestCodeAsync(client, phone);
        var code = await app.CodeFromOutboxAsync(sent.ChallengeId, phone);
        var result = (await (await client.PostAsJsonAsync("/api/v1/subscriptions",
            SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version, dong: "jungnim", interests: ["jobs", "safety", "environment"], gender: "Male"))).Content.ReadFromJsonAsync<SignUpResultDto>())!;
        result.Renewed.ShouldBeTrue();
        (await app.SubscriberIdAsync(phone)).ShouldBe(id);
        var s = (await app.SubscriberAsync(id))!;
        (s.DongCode, s.Interests, s.Gender).ShouldBe(("jungnim", (1 << 4) | (1 << 6) | (1 << 7), SubscriberGender.Male));
        (await AuditAsync(id.ToString())).Select(a => a.Action).ShouldBe(["SignedUp", "PreferencesUpdated"]);
    }

    [Fact]
    public async Task Given_a_wrong_code_Then_it_is_refused_and_after_five_wrong_tries_even_the_right_one_is()
    {
        var phone = SubscriberApp.NewPhone();
        var client = app.NewClient();
        var options = await OptionsAsync();
        var sent = await app.RequestCodeAsync(client, phone);
        var code = await app.CodeFromOutboxAsync(sent.ChallengeId, phone);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, wrong, options.Notice.Version));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = (await response.Content.ReadFromJsonAsync<ProblemDto>())!;
            problem.Errors!.Keys.ShouldBe(["code"]);
            problem.Errors["code"][0].ShouldContain(i < 5 ? $"{5 - i}번" : "5번 잘못");
        }
        var late = await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version));
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!["code"][0].ShouldContain("5번 잘못");
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.Set<Subscriber>().AnyAsync(s => s.PhoneLast4 == phone.Substring(phone.Length - 4) && s.CreatedAtUtc > sent.ExpiresAtUtc.AddMinutes(-6))).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_an_expired_code_Then_the_resident_is_told_to_ask_for_a_new_one()
    {
        var phone = SubscriberApp.NewPhone();
        var client = app.NewClient();
        var options = await OptionsAsync();
        var sent = await app.RequestCodeAsync(client, phone);
        var code = await app.CodeFromOutboxAsync(sent.ChallengeId, phone);
        // Five minutes and a second later, as the app's clock sees it.
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var now = app.Service<TimeProvider>().GetUtcNow().UtcDateTime;
            await db.Set<PhoneChallenge>().Where(c => c.Id == sent.ChallengeId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.CreatedAtUtc, now.AddMinutes(-5).AddSeconds(-1)).SetProperty(c => c.ExpiresAtUtc, now.AddSeconds(-1)));
        }
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!["code"][0].ShouldContain("5분");
    }

    [Fact]
    public async Task Given_an_under_14_Then_the_sign_up_is_refused_with_the_guardian_route_and_the_code_is_not_spent()
    {
        var phone = SubscriberApp.NewPhone();
        var client = app.NewClient();
        var options = await OptionsAsync();
        var sent = await app.RequestCodeAsync(client, phone);
        var code = await app.CodeFromOutboxAsync(sent.ChallengeId, phone);
        var thisYear = options.MinimumBirthYear + 14;
        var young = await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version, birthYear: thisYear - 13));
        young.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await young.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!["birthYear"][0];
        message.ShouldContain("14세 미만");
        message.ShouldContain("보호자");

        // In English too, and no consent means no sign-up.
        var english = await client.PostAsJsonAsync("/api/v1/subscriptions?culture=en-US", SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version, birthYear: thisYear - 13, consent: false));
        var errors = (await english.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!;
        errors["birthYear"][0].ShouldContain("guardian");
        errors.ShouldContainKey("consent");

        // Exactly 14 this year is old enough, with the same code.
        var ok = await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, code, options.Notice.Version, birthYear: thisYear - 14));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_subscriber_When_they_withdraw_on_the_web_Then_they_leave_every_segment_at_once()
    {
        var phone = SubscriberApp.NewPhone();
        var id = await app.SignUpAsync(phone, dong: "pil");
        var client = app.NewClient();
        var sent = await app.RequestCodeAsync(client, phone, withdraw: true);
        var code = await app.CodeFromOutboxAsync(sent.ChallengeId, phone);
        // A sign-up code does not withdraw, and a withdrawal code does not sign up.
        (await client.PostAsJsonAsync("/api/v1/subscriptions", SubscriberApp.Details(sent.ChallengeId, code, 1))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions/withdraw", new { challengeId = sent.ChallengeId, code });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<WithdrawResultDto>())!.Withdrawn.ShouldBeTrue();
        var s = (await app.SubscriberAsync(id))!;
        (s.Status, s.WithdrawnVia).ShouldBe((SubscriberStatus.Withdrawn, "web"));
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await SubscriberSegment.Everyone.Apply(db.Set<Subscriber>(), 2026).AnyAsync(x => x.Id == id)).ShouldBeFalse();

        // A number that is not subscribed is told so after proving it is theirs.
        var stranger = SubscriberApp.NewPhone();
        var other = await app.RequestCodeAsync(client, stranger, withdraw: true);
        var otherCode = await app.CodeFromOutboxAsync(other.ChallengeId, stranger);
        (await (await client.PostAsJsonAsync("/api/v1/subscriptions/withdraw", new { challengeId = other.ChallengeId, code = otherCode })).Content.ReadFromJsonAsync<WithdrawResultDto>())!
            .Withdrawn.ShouldBeFalse();
    }

    [Fact]
    public async Task Given_the_opt_out_keyword_by_SMS_Then_the_subscriber_is_withdrawn_and_confirmed_once_even_if_the_text_comes_twice()
    {
        var phone = SubscriberApp.NewPhone();
        var id = await app.SignUpAsync(phone);
        var step = app.Services.GetServices<IInboundSmsStep>().Single(s => s.GetType().Name == "OptOutBySms");
        step.Order.ShouldBe(0);
        var international = "82" + SubscriberRules.NormalizePhone(phone)[1..];
        var sms = new InboundSms(international, SubscriberApp.ShortNumber, " Stop. ", TimeProvider.System.GetUtcNow().UtcDateTime);

        (await step.InspectAsync(sms, CancellationToken.None)).ShouldBe(InboundSmsOutcome.Handled);
        (await step.InspectAsync(sms, CancellationToken.None)).ShouldBe(InboundSmsOutcome.Handled);

        var s = (await app.SubscriberAsync(id))!;
        (s.Status, s.WithdrawnVia).ShouldBe((SubscriberStatus.Withdrawn, "sms"));
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var confirmations = await db.Set<OutboxMessage>().Where(m => m.IdempotencyKey.StartsWith($"subscribers-optout:{id:N}")).ToListAsync();
        confirmations.Count.ShouldBe(1);
        var batch = await db.Set<OutboxBatch>().SingleAsync(b => b.Id == confirmations[0].BatchId);
        (batch.Kind, batch.Sender, batch.SourceId).ShouldBe((OutboxKind.Notice, SubscriberApp.ShortNumber, (Guid?)id));
        batch.Text.ShouldContain("수신 거부");
        (await AuditAsync(id.ToString())).Count(a => a.Action == "Withdrawn" && a.Detail == "sms").ShouldBe(1);

        // A keyword from a number that is not a subscriber, and any other text, go on to the inbox.
        (await step.InspectAsync(sms with { From = SubscriberApp.NewPhone() }, CancellationToken.None)).ShouldBe(InboundSmsOutcome.Pass);
        var other = SubscriberApp.NewPhone();
        await app.SignUpAsync(other);
        (await step.InspectAsync(new InboundSms(other, SubscriberApp.ShortNumber, "거부합니다. 이유는…", sms.ReceivedAtUtc), CancellationToken.None)).ShouldBe(InboundSmsOutcome.Pass);
        (await app.SubscriberAsync(await app.SubscriberIdAsync(other)))!.Status.ShouldBe(SubscriberStatus.Active);
    }

    [Fact]
    public async Task Given_a_bad_number_or_too_many_codes_for_one_number_Then_no_SMS_is_queued()
    {
        var client = app.NewClient();
        await app.EnsureSenderAsync();
        var bad = await client.PostAsJsonAsync("/api/v1/subscriptions/codes", new { phone = "02-123-4567" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.Keys.ShouldBe(["phone"]);

        var phone = SubscriberApp.NewPhone();
        for (var i = 0; i < 5; i++)
        {
            await app.RequestCodeAsync(client, phone);
        }
        var sixth = await client.PostAsJsonAsync("/api/v1/subscriptions/codes", new { phone });
        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sixth.Headers.RetryAfter.ShouldNotBeNull();
    }
}
