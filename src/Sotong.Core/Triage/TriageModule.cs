using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Answer;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Decisions;
using Sotong.Core.Triage.Grouping;
using Sotong.Core.Triage.Routing;
using Sotong.Core.Triage.Taxonomy;
using Sotong.Core.Triage.Training;
using Sotong.Core.Triage.Trends;

namespace Sotong.Core.Triage;

/// <summary>Classifies every message (kind, topic), routes it to a division, groups near-duplicates, spots spikes.</summary>
public static class TriageModule
{
    public static IHostApplicationBuilder AddTriage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Off only where a test of another module wants messages to stay exactly as they arrived.
        var enabled = builder.Configuration.GetValue("Triage:Enabled", true);
        builder.Services.AddSingleton<IDataSeeder, TriageSeeder>();
        builder.Services.AddSingleton<IDataSeeder, ExampleHashBackfill>();
        builder.Services.AddSingleton<TriageEngine>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TrainingService>(sp, enabled));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingService>());
        builder.Services.AddSingleton<TriageRecorder>();
        builder.Services.AddSingleton<TriageWorker>();
        builder.Services.AddSingleton<TrendNotifier>();
        builder.Services.AddSingleton<TrendWatcher>();
        if (enabled)
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TriageWorker>());
            builder.Services.AddSingleton<IIntakeTriage, IntakeTriage>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TrendWatcher>());
        }
        builder.Services.AddScoped<ClassifyHandler>();
        builder.Services.AddScoped<TriageReviewHandler>();
        builder.Services.AddScoped<RoutingTableHandler>();
        builder.Services.AddScoped<TopicsHandler>();
        builder.Services.AddScoped<ModelsHandler>();
        builder.Services.AddScoped<ImportTrainingDataHandler>();
        builder.Services.AddScoped<ImportBatchesHandler>();
        builder.Services.AddScoped<EmergingIssuesHandler>();
        builder.Services.AddScoped<GroupReplyHandler>();
        builder.Services.AddScoped<UngroupHandler>();
        // Registered even with triage off: an officer's choice of division is worth keeping for when it is on.
        builder.Services.AddSingleton<IRoutingCorrections, CorrectionExamples>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var triage = app.MapGroup("/api/v1/triage").WithTags("Triage").RequireAuthorization(SotongPolicies.InboxWork);
        ClassifyEndpoint.Map(triage);
        ReviewTriageEndpoints.Map(triage);
        RoutingTableEndpoints.Map(triage);
        TopicEndpoints.Map(triage);
        ModelEndpoints.Map(triage);
        ImportTrainingDataEndpoint.Map(triage);
        ImportBatchEndpoints.Map(triage);
        EmergingIssueEndpoints.Map(triage);
        GroupReplyEndpoints.Map(triage);
        UngroupEndpoints.Map(triage);
        return app;
    }
}
