using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Platform;

/// <summary>A production-like start: no demo data, the first administrator from configuration, strict limits.</summary>
public sealed class ProductionStartApp : SqliteApp
{
    public const string AdminEmail = "it@city.example";
    public const string AdminPassword = "Strong-Passw0rd!";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["RateLimits:CitizenMessagesPerWindow"] = "3",
        ["RateLimits:CitizenWindowSeconds"] = "600",
    };
}

public sealed class BootstrapAndLimitsTests(ProductionStartApp app) : IClassFixture<ProductionStartApp>
{
    [Fact]
    public async Task Given_demo_mode_off_Then_no_demo_data_and_no_demo_sign_in()
    {
        var map = (await app.NewClient().GetFromJsonAsync<SnsMapDto>("/api/v1/sns-map"))!;
        map.AccountCount.ShouldBe(0);
        var demo = await app.NewClient().PostAsJsonAsync("/api/v1/auth/signin", new { email = "admin@sotong.example", password = "Sotong-demo-2026!" });
        demo.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_bootstrap_settings_Then_the_first_administrator_can_sign_in()
    {
        var client = app.NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { email = ProductionStartApp.AdminEmail, password = ProductionStartApp.AdminPassword });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/auth/signout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/v1/inbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_five_wrong_passwords_Then_the_account_is_locked_even_for_the_right_one()
    {
        var client = app.NewClient();
        await client.PostAsJsonAsync("/api/v1/auth/signin", new { email = "locked@city.example", password = "x" }); // unknown: nothing to lock
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sotong.Core.Organization.StaffUser>>();
            (await users.CreateAsync(new Sotong.Core.Organization.StaffUser { UserName = "locked@city.example", Email = "locked@city.example", DisplayName = "L" }, "Right-Passw0rd!")).Succeeded.ShouldBeTrue();
        }
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/signin", new { email = "locked@city.example", password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        var right = await client.PostAsJsonAsync("/api/v1/auth/signin", new { email = "locked@city.example", password = "Right-Passw0rd!" });
        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await right.Content.ReadFromJsonAsync<ProblemDto>())!.Title.ShouldBe("The account is locked.");
    }

    [Fact]
    public async Task Given_a_client_over_its_limit_Then_429_with_retry_after()
    {
        var client = app.NewClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/messages", new { text = $"제한 확인 {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var limited = await client.PostAsJsonAsync("/api/v1/messages", new { text = "하나 더" });
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadFromJsonAsync<ProblemDto>())!.Status.ShouldBe(429);
    }
}
