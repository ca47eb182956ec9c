using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Platform.Host.OpenApi;

internal static class SwaggerSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Platform API",
                Version = "v1",
                Description = "Connect social accounts, write posts with AI help, schedule and publish them, and measure how they did.",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The access token from POST /api/v1/auth/login.",
            });
            options.OperationFilter<StandardResponsesFilter>();
            options.CustomSchemaIds(type => type.FullName?.Replace("+", ".", StringComparison.Ordinal));
        });
        return services;
    }

    /// <summary>Documents the answers the pipeline itself can give: auth failures, rate limiting, validation.</summary>
    private sealed class StandardResponsesFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Responses ??= new OpenApiResponses();
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            if (!anonymous && metadata.OfType<IAuthorizeData>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                });
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing, invalid, expired or revoked access token." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role does not allow this." });
            }
            operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Rate limit exceeded; see Retry-After." });
        }
    }
}
