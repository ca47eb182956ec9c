using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.AI.Contracts;
using Platform.AI.Data;
using Platform.AI.Features.GenerateCaptions;
using Platform.AI.Features.GenerateContent;
using Platform.AI.Features.GenerateHashtags;
using Platform.AI.Features.GenerateImage;
using Platform.AI.Features.GetRequest;
using Platform.AI.Features.ImproveContent;
using Platform.AI.Features.ListRequests;
using Platform.AI.Features.Shared;
using Platform.AI.Features.Templates;
using Platform.AI.Gateway;
using Platform.AI.Generation;
using Platform.AI.Moderation;
using Platform.AI.Providers;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.AI.AIModule))]

namespace Platform.AI;

internal sealed class AIModule : IModule
{
    public string Name => "ai";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AiDbContext>((options, provider) => options.InvalidatesCache(provider, TemplateCatalog.Entity));
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section))
            .Validate(o => o.Moderation.Provider != ModerationProvider.OpenAI || !string.IsNullOrWhiteSpace(o.OpenAI.ApiKey) && !string.IsNullOrWhiteSpace(o.OpenAI.BaseUrl),
                "AI:Moderation:Provider is OpenAI, so AI:OpenAI:ApiKey and AI:OpenAI:BaseUrl must be set.")
            .Validate(o => o.Moderation.MaxRetries is >= 0 and <= 10, "AI:Moderation:MaxRetries must be between 0 and 10.")
            .Validate(o => o.Moderation.BaseDelayMilliseconds is >= 1 and <= 10_000, "AI:Moderation:BaseDelayMilliseconds must be between 1 and 10000.")
            .Validate(o => o.Moderation.MaxRetryAfterSeconds is >= 0 and <= 60, "AI:Moderation:MaxRetryAfterSeconds must be between 0 and 60.")
            .ValidateOnStart();
        services.AddValidatorsFromAssembly(typeof(AIModule).Assembly, includeInternalTypes: true);

        services.AddSingleton<IAiProvider, OfflineProvider>();
        services.AddSingleton<IAiProvider>(sp => new OpenAiProvider(OpenAiProvider.OpenAiName, () => Options(sp).OpenAI, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAiProvider>(sp => new OpenAiProvider(OpenAiProvider.CompatibleName, () => Options(sp).Compatible, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAiProvider>(sp => new AnthropicProvider(() => Options(sp).Anthropic, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ProviderRouter>();
        services.AddSingleton<ResilientCaller>();
        services.AddSingleton<AiPricing>();
        services.AddSingleton<AiResponseCache>();
        services.AddSingleton<LocalRules>();
        services.AddSingleton<ContentModerator>();
        services.AddSingleton<AiLedger>();
        services.AddSingleton<AiGenerator>();
        services.AddSingleton<Features.GenerateImage.LibraryImages>();
        services.AddSingleton<GenerationChecks>();
        services.AddScoped<TemplateCatalog>();
        services.AddScoped<TemplateGuidance>();
        services.AddScoped<ConnectedPlatforms>();
        services.AddScoped<GenerationFlow>();
        services.AddScoped<IAiGeneration, AiGateway>();
        services.AddScoped<ImageGenerationJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var ai = api.MapGroup("/ai").WithTags("AI").RequireScope(ApiScope.AiGenerate);
        GenerateCaptionsEndpoint.Map(ai);
        GenerateContentEndpoint.Map(ai);
        GenerateHashtagsEndpoint.Map(ai);
        ImproveContentEndpoint.Map(ai);
        GenerateImageEndpoint.Map(ai);
        ListRequestsEndpoint.Map(ai);
        GetRequestEndpoint.Map(ai);
        TemplateEndpoints.Map(ai);
    }

    private static AiOptions Options(IServiceProvider services) => services.GetRequiredService<IOptionsMonitor<AiOptions>>().CurrentValue;
}
