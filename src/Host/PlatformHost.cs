using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using Platform.Host.Auth;
using Platform.Host.Benchmark;
using Platform.Host.Database;
using Platform.Host.Health;
using Platform.Host.Jobs;
using Platform.Host.OpenApi;
using Platform.Host.Pipeline;
using Platform.Host.Pipeline.RateLimiting;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Throttling;
using StackExchange.Redis;

namespace Platform.Host;

/// <summary>The composition root: finds the modules, wires the cross-cutting pipeline, maps everything.</summary>
internal static class PlatformHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // appsettings.json lives at the repository root and is copied beside the binaries.
        var defaults = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = true,
            ReloadOnChange = false,
        };
        defaults.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, defaults);
        return builder;
    }

    public static IReadOnlyList<IModule> AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var modules = ModuleCatalog.DiscoverInstalled();
        services.AddSingleton(modules);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => TunedDataSource.Build(configuration.GetConnectionString("Platform")
            ?? throw new InvalidOperationException("Configuration ConnectionStrings:Platform is required.")));
        services.AddDbSession();
        services.AddRequestConnectionAdmission(configuration);
        services.AddScoped<Outbox>();
        if (configuration.GetValue("Outbox:ProcessorEnabled", true))
        {
            services.AddHostedService<OutboxProcessor>();
        }
        AddRedis(services, configuration);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<DatabaseBusyHandler>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Unreadable bodies and bad parameters reach the problem details handler instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = configuration.GetValue<long>("Http:MaxRequestBodyBytes", 1_048_576));

        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(CorrelationIdMiddleware.Header, "Retry-After")));

        services.AddPlatformAuthentication(configuration);
        services.AddPlatformOpenApi();
        services.AddPlatformHealth(configuration);
        services.AddPlatformJobs(configuration);

        foreach (var module in modules)
        {
            module.AddServices(services, configuration);
        }
        return modules;
    }

    public static void UsePlatform(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseAuthorization();

        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "Platform API v1"));
        app.MapPlatformHealth();
        app.MapPlatformDashboard();
        app.MapBenchmarkBaseline();

        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter<UnitOfWorkFilter>()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IModule>>())
        {
            module.MapEndpoints(api);
        }
    }

    private static void AddRedis(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new RedisNamespace(configuration["Redis:InstanceName"] ?? "platform:"));
        services.AddSingleton<MemoryRateLimitCounter>();
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IRateLimitCounter>(provider => provider.GetRequiredService<MemoryRateLimitCounter>());
            services.AddSingleton<IFailureCounter, MemoryFailureCounter>();
            return;
        }
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IRateLimitCounter, RedisRateLimitCounter>();
        services.AddSingleton<IFailureCounter, RedisFailureCounter>();
    }
}
