using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Organization.Demo;
using Sotong.Web.Components;

namespace Sotong.Web.Hosting;

/// <summary>The host's own wiring: Blazor, localisation, OpenAPI, health, and the start-up banner.</summary>
internal static class SotongWeb
{
    public static readonly CultureInfo[] Cultures = [new("ko-KR"), new("en-US")];

    public static WebApplicationBuilder AddSotongWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Sotong API";
            doc.Info.Description = "Sotong (소통): citizens' messages, the staff inbox, and the public answers portal.";
            return Task.CompletedTask;
        }));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ko-KR");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Korean first: only an explicit choice (the switch's cookie or ?culture=) changes the language.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseSotongPipeline(this WebApplication app)
    {
        // APIs answer problem details; people get a page that says sorry in their language.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseExceptionHandler("/error", createScopeForErrors: true));
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRequestLocalization();
        app.UseApiBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapSotongWeb(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Sotong API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        if (app.Configuration.GetValue("Bench:BareEndpoint", false))
        {
            // The machine's ceiling for bench/webhook-load.sh: the same pipeline, body read, no work. Off unless asked.
            app.MapPost("/hooks/bare", async (HttpRequest request) =>
            {
                await request.Body.CopyToAsync(Stream.Null);
                return TypedResults.Ok();
            }).ExcludeFromDescription();
        }
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
            {
                var chosen = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture || c.Name == culture) ?? Cultures[0];
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return TypedResults.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
            })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Migrates, bootstraps and (in demo mode) seeds; prints where Sotong listens and how to sign in.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        bool demo;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
            demo = initializer.DemoMode;
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("  Sotong (소통) is running.");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  Open {address}  ·  staff sign-in: {address}/staff/signin");
            }
            if (demo)
            {
                Console.WriteLine("  Demo mode — sign in as:");
                foreach (var s in DemoSeeder.SignIns)
                {
                    Console.WriteLine($"    {s.Role,-22} {s.Email,-26} {s.Password}");
                }
            }
            Console.WriteLine();
        });
    }

    private static bool IsApi(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hooks") || ctx.Request.Path.StartsWithSegments("/health");
}
