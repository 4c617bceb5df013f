using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Cases.Act;
using Sotong.Core.Cases.Browse;
using Sotong.Core.Cases.Deadlines;
using Sotong.Core.Cases.Notify;
using Sotong.Core.Cases.Publish;
using Sotong.Core.Cases.Citizen;
using Sotong.Core.Cases.Open;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Cases;

/// <summary>The processing period of each complaint type (administrators will edit these; the defaults are the rules').</summary>
public sealed record CasePeriods
{
    public ComplaintPeriod Question { get; init; } = ComplaintPeriod.OfDays(7);
    public ComplaintPeriod LawInterpretation { get; init; } = ComplaintPeriod.OfDays(14);
    public ComplaintPeriod Suggestion { get; init; } = ComplaintPeriod.OfDays(14);
    public ComplaintPeriod Grievance { get; init; } = ComplaintPeriod.OfDays(7);
    public ComplaintPeriod Other { get; init; } = ComplaintPeriod.Immediately;

    public ComplaintPeriod For(ComplaintType type) => type switch
    {
        ComplaintType.Question => Question,
        ComplaintType.LawInterpretation => LawInterpretation,
        ComplaintType.Suggestion => Suggestion,
        ComplaintType.Grievance => Grievance,
        ComplaintType.Other => Other,
    };
}

/// <summary>Complaints as cases: one or more messages, a type with its legal deadline, a division, an officer, a history.</summary>
public static class CasesModule
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CaseClock>();
        builder.Services.AddSingleton<DeadlineWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatcher>());
        builder.Services.AddScoped<DeadlineSettingsHandler>();
        builder.Services.AddScoped<CaseNotices>();
        builder.Services.AddScoped<PublishCaseHandler>();
        builder.Services.AddScoped<CitizenCaseHandler>();
        builder.Services.AddScoped<OpenCaseHandler>();
        builder.Services.AddSingleton<Triage.Grouping.IGroupArrivals, GroupArrivalsJoinCases>();
        builder.Services.AddScoped<ActOnCaseHandler>();
        builder.Services.AddScoped<BrowseCasesHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(SotongPolicies.InboxWork);
        OpenCaseEndpoint.Map(cases);
        ActOnCaseEndpoints.Map(cases);
        DeadlineSettingsEndpoints.Map(cases);
        BrowseCasesEndpoints.Map(cases);
        PublishCaseEndpoints.Map(cases);
        // The citizen's link: no account, the unguessable key is the permission.
        CitizenCaseEndpoints.Map(app.MapGroup("/api/v1/my-case").WithTags("My case").AllowAnonymous());
        return app;
    }
}
