using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Organization;
using Sotong.Core.Organization.Staff;

namespace Sotong.Web.Auth;

public sealed record SignInRequest(string? Email, string? Password);

public sealed record SignInResponse(string Name, IReadOnlyList<string> Roles);

/// <summary>Staff sign-in: ASP.NET Core Identity with a cookie, lockout, password rules and one policy per kind of work.</summary>
internal static class StaffAuth
{
    public const string SignInPath = "/staff/signin";

    public static WebApplicationBuilder AddStaffAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(c =>
            {
                c.LoginPath = SignInPath;
                c.AccessDeniedPath = "/staff/denied";
                c.Cookie.Name = "sotong.staff";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = TimeSpan.FromHours(8);
                c.SlidingExpiration = true;
                // APIs answer 401/403; only pages are sent to the sign-in form.
                c.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                c.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            }));

        builder.Services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SotongDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SotongPolicies.Staff, p => p.RequireAuthenticatedUser().RequireRole(SotongRoles.All))
            .AddPolicy(SotongPolicies.InboxWork, p => p.RequireRole(SotongRoles.Administrator, SotongRoles.CommunicationsOfficer, SotongRoles.DepartmentOfficer))
            .AddPolicy(SotongPolicies.CityWide, p => p.RequireRole(SotongRoles.Administrator, SotongRoles.CommunicationsOfficer))
            .AddPolicy(SotongPolicies.Administration, p => p.RequireRole(SotongRoles.Administrator))
            .AddPolicy(SotongPolicies.Moderation, p => p.RequireRole(SotongRoles.Administrator, SotongRoles.CommunicationsOfficer, SotongRoles.Moderator))
            .AddPolicy(SotongPolicies.AlertWork, p => p.RequireRole(SotongRoles.Administrator, SotongRoles.CommunicationsOfficer, SotongRoles.AlertApprover))
            .AddPolicy(SotongPolicies.AlertApproval, p => p.RequireRole(SotongRoles.AlertApprover));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static IEndpointRouteBuilder MapStaffAuth(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Staff sign-in");
        api.MapPost("/signin", SignInAsync)
            .WithName("StaffSignIn")
            .WithSummary("Sign in with e-mail and password; sets the staff cookie")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/signout", async Task<NoContent> (HttpContext http) =>
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return TypedResults.NoContent();
            })
            .WithName("StaffSignOut")
            .WithSummary("Sign out");

        // The staff header's sign-out button posts a form (with its antiforgery token) here.
        app.MapPost("/staff/signout", async Task<RedirectHttpResult> (HttpContext http, IAntiforgery antiforgery) =>
            {
                await antiforgery.ValidateRequestAsync(http);
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return TypedResults.LocalRedirect("/");
            })
            .DisableAntiforgery() // validated explicitly above, so a failure is a 400 and not a silent pass
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> SignInAsync(SignInRequest request, SignInManager<StaffUser> signIn, UserManager<StaffUser> users)
    {
        var outcome = await SignInWithPasswordAsync(request.Email, request.Password, signIn, users);
        if (outcome.User is null)
        {
            return TypedResults.Problem(title: outcome.LockedOut ? "The account is locked." : "The e-mail or password is wrong.",
                detail: outcome.LockedOut ? "Too many failed attempts. Try again in 15 minutes." : null, statusCode: StatusCodes.Status401Unauthorized);
        }
        return TypedResults.Ok(new SignInResponse(outcome.User.DisplayName, [.. await users.GetRolesAsync(outcome.User)]));
    }

    public sealed record SignInOutcome(StaffUser? User, bool LockedOut);

    /// <summary>One sign-in path for the form and the API, so lockout counts the same for both.</summary>
    public static async Task<SignInOutcome> SignInWithPasswordAsync(string? email, string? password, SignInManager<StaffUser> signIn, UserManager<StaffUser> users)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return new SignInOutcome(null, false);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return new SignInOutcome(null, false);
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? new SignInOutcome(user, false) : new SignInOutcome(null, result.IsLockedOut);
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/_blazor"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
