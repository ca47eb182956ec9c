using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Billing.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.AccountHealth;
using Platform.Posts.Features.AccountReconnect;
using Platform.Posts.Features.BulkSchedule;
using Platform.Posts.Features.Calendar;
using Platform.Posts.Features.CreatePost;
using Platform.Posts.Features.DeadLetter;
using Platform.Posts.Features.DeletePost;
using Platform.Posts.Features.DuplicatePost;
using Platform.Posts.Features.GetPost;
using Platform.Posts.Features.ListPosts;
using Platform.Posts.Features.PublishingOverview;
using Platform.Posts.Features.PublishNow;
using Platform.Posts.Features.SchedulePost;
using Platform.Posts.Features.Shared;
using Platform.Posts.Features.UnschedulePost;
using Platform.Posts.Features.UpdatePost;
using Platform.Posts.Limits;
using Platform.Posts.Gateway;
using Platform.Posts.Publishing;
using Platform.Posts.Publishing.Breaker;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Outbound;
using Platform.SocialAccounts.Contracts;
using Platform.Tenants.Contracts;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.Posts.PostsModule))]

namespace Platform.Posts;

internal sealed class PostsModule : IModule
{
    public string Name => "posts";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublishingOptions>, PublishingOptions.Validation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PublishingOptions>>().Value);
        services.AddModuleDbContext<PostsDbContext>();
        services.AddScoped<PublishQueue>();
        services.AddScoped<AccountBreakerGate>();
        services.AddScoped<AccountBreakerRecorder>();
        services.AddScoped<TargetChecks>();
        services.AddScoped<PostsPerMonthUsage>();
        services.AddScoped<IPlanUsage>(provider => provider.GetRequiredService<PostsPerMonthUsage>());
        services.AddScoped<IPostMediaUsage, PostMediaUsage>();
        services.AddScoped<Scheduling>();
        services.AddScoped<CheckedScheduling>();
        services.AddScoped<DraftCreation>();
        services.AddScoped<CalendarQuery>();
        services.AddScoped<IPosts, PostsGateway>();
        services.AddScoped<IPublishingOverview, CrossTenantPublishingOverview>();
        services.AddScoped<PlatformTargetChecks>();
        services.AddScoped<BulkScheduler>();
        services.AddScoped<CheckedBulkScheduling>();
        services.AddSingleton<DueQueueReader>();
        services.AddSingleton<TargetPublisher>();
        services.AddScoped<AccountReconnectHandler>();
        services.AddScoped<IIntegrationEventHandler<AccountNeedsReconnect>>(provider => provider.GetRequiredService<AccountReconnectHandler>());
        services.AddScoped<IIntegrationEventHandler<AccountReconnected>>(provider => provider.GetRequiredService<AccountReconnectHandler>());
        services.AddHostedService<DueDispatcher>();
        services.AddHostedService<PublishQueueGauges>();
        services.AddValidatorsFromAssemblyContaining<PostsModule>(includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts").RequireScopes(read: ApiScope.PostsRead, write: ApiScope.PostsWrite);
        CreatePostEndpoint.Map(posts);
        BulkScheduleEndpoints.Map(posts);
        ListPostsEndpoint.Map(posts);
        DeadLetterEndpoints.Map(posts);
        ListAccountHealthEndpoint.Map(posts);
        PauseAccountEndpoint.Map(posts);
        ResumeAccountEndpoint.Map(posts);
        GetPostEndpoint.Map(posts);
        UpdatePostEndpoint.Map(posts);
        DeletePostEndpoint.Map(posts);
        DuplicatePostEndpoint.Map(posts);
        SchedulePostEndpoint.Map(posts);
        UnschedulePostEndpoint.Map(posts);
        PublishNowEndpoint.Map(posts);
        CalendarEndpoint.Map(api);
    }
}
