using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Security;
using Sotong.Core.Qna.Browse;
using Sotong.Core.Qna.Comments;
using Sotong.Core.Qna.Feeds;
using Sotong.Core.Qna.Recommend;

namespace Sotong.Core.Qna;

/// <summary>The public answers portal (응답 공개): masked questions and answers, search, recommendations, comments, feeds.</summary>
public static class QnaModule
{
    public static IHostApplicationBuilder AddQna(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<BrowseAnswersHandler>();
        builder.Services.AddScoped<RecommendAnswerHandler>();
        builder.Services.AddScoped<CommentOnAnswerHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQna(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var publicApi = app.MapGroup("/api/v1").WithTags("Public answers").AllowAnonymous();
        BrowseAnswersEndpoints.Map(publicApi);
        RecommendAnswerEndpoints.Map(publicApi);
        CommentEndpoints.Map(publicApi, app.MapGroup("/api/v1/moderation").WithTags("Moderation").RequireAuthorization(SotongPolicies.Moderation));
        AnswerFeedEndpoints.Map(app);
        return app;
    }
}
