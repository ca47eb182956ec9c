using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Host.Auth;
using Platform.Host.Database;
using Platform.Host.Health;
using Platform.Host.Operations;
using Platform.Host.Jobs;
using Platform.Host.Logging;
using Platform.Host.OpenApi;
using Platform.Host.Pipeline;
using Platform.Host.Pipeline.RateLimiting;
using Platform.Host.Telemetry;
using Platform.Host.WebApp;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Throttling;
using Platform.SharedKernel.Validation;
using StackExchange.Redis;

namespace Platform.Host;

/// <summary>The composition root: finds the modules, wires the cross-cutting pipeline, maps everything.</summary>
internal static class PlatformHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // appsettings.json lives at the repository root and is copied beside the binaries; development keys live only in
        // appsettings.Development.json, read in the Development environment alone.
        builder.Configuration.Sources.Insert(0, JsonBesideBinaries("appsettings.json"));
        builder.Configuration.Sources.Insert(1, JsonBesideBinaries($"appsettings.{builder.Environment.EnvironmentName}.json"));
        return builder;
    }

    private static Microsoft.Extensions.Configuration.Json.JsonConfigurationSource JsonBesideBinaries(string fileName)
    {
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, fileName),
            Optional = true,
            ReloadOnChange = false,
        };
        source.ResolveFileProvider();
        return source;
    }

    public static IReadOnlyList<IModule> AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.AddPlatformLogging();
        var modules = ModuleCatalog.DiscoverInstalled();
        services.AddSingleton(modules);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => TunedDataSource.Build(configuration.GetConnectionString("Platform")
            ?? throw new InvalidOperationException("Configuration ConnectionStrings:Platform is required.")));
        services.AddDbSession();
        services.AddRequestConnectionAdmission(configuration);
        services.AddScoped<Outbox>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptions.Validation>();
        services.AddSingleton<OutboxAdministration>();
        if (configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>()?.ProcessorEnabled ?? true)
        {
            services.AddHostedService<OutboxProcessor>();
        }
        AddRedis(services, configuration);
        services.AddTenantCache();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Type ??= ProblemTypes.For(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        services.AddExceptionHandler<DatabaseBusyHandler>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Unreadable bodies and bad parameters reach the problem details handler instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new NulRefusingStringConverter());
        });
        ValidationDefaults.StopEachRuleAtItsFirstFailure();
        services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpLimitsOptions>, HttpLimitsOptions.Validation>();
        services.AddOptions<FormOptions>().Configure<IOptions<HttpLimitsOptions>>((form, limits) => form.MultipartBodyLengthLimit = limits.Value.MaxRequestBodyBytes);

        services.AddOptions<BrowserOriginsOptions>().BindConfiguration(BrowserOriginsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrowserOriginsOptions>, BrowserOriginsOptions.Validation>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<BrowserOriginsOptions>>((cors, browsers) => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(browsers.Value.Origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(CorrelationIdMiddleware.Header, "Retry-After")));

        services.AddTrustedProxies();
        services.AddPlatformAuthentication();
        services.AddPlatformOpenApi();
        services.AddPlatformHealth(configuration);
        services.AddPlatformJobs(configuration);
        services.AddPlatformDashboard();
        services.AddPlatformWebApp();
        services.AddPlatformTelemetry(configuration);

        foreach (var module in modules)
        {
            module.AddServices(services, configuration);
        }
        return modules;
    }

    public static void UsePlatform(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<NulCharacterGuardMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        // Before the app's files, whose fallback would answer any other path with the app's page.
        app.UsePlatformMetricsEndpoint();
        // The app's files come before CORS, authentication and rate limits: they are public and the same for everyone.
        app.UsePlatformWebApp();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<RequestLogScopeMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<ApiKeyScopeMiddleware>();
        app.UseAuthorization();

        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "Platform API v1"));
        app.MapPlatformHealth();
        app.MapPlatformDashboard();

        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter<UnitOfWorkFilter>()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IModule>>())
        {
            module.MapEndpoints(api);
            module.MapRoutes(app);
        }
        api.MapOutboxOperations();
    }

    private static void AddRedis(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptions.Validation>();
        services.AddSingleton(provider => new RedisNamespace(provider.GetRequiredService<IOptions<RedisOptions>>().Value.InstanceName));
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptions.Validation>();
        services.AddSingleton<MemoryRateLimitCounter>();
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IRateLimitCounter>(provider => provider.GetRequiredService<MemoryRateLimitCounter>());
            services.AddSingleton<IFailureBackoff, MemoryFailureBackoff>();
            return;
        }
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IRateLimitCounter, RedisRateLimitCounter>();
        services.AddSingleton<IFailureBackoff, RedisFailureBackoff>();
        // The cache's second level shares the one connection instead of opening its own.
        services.AddSingleton<IDistributedCache, RedisDistributedCache>();
    }
}
