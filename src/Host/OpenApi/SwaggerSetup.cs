using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Platform.SharedKernel.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Platform.Host.OpenApi;

internal static class SwaggerSetup
{
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";
    /// <summary>The extension naming the scope an API key needs for an operation.</summary>
    public const string RequiredScopeExtension = "x-required-scope";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Platform API",
                Version = "v1",
                Description = "Connect social accounts, write posts with AI help, schedule and publish them, and measure how they did. " +
                    "People call it with the access token of POST /api/v1/auth/login; integrations with an API key (POST /api/v1/api-keys), " +
                    "limited to the operations whose x-required-scope the key holds.",
            });
            // The API is served beside the document: paths are relative to the host that served it.
            options.AddServer(new OpenApiServer { Url = "/", Description = "The host serving this document." });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A person's access token from POST /api/v1/auth/login; the person's role decides what it may do.",
            });
            options.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "plk_ API key",
                Description = "An API key (plk_…) from POST /api/v1/api-keys, sent as a bearer token; it may call only the operations " +
                    "whose x-required-scope it holds, and never manage keys, users, members or billing.",
            });
            options.OperationFilter<StandardResponsesFilter>();
            options.OperationFilter<SummaryFilter>();
            options.CustomSchemaIds(SchemaIds.For);
        });
        return services;
    }

    /// <summary>
    /// Documents who may call each operation (public ones declare no security; scoped ones accept both schemes and name their
    /// scope) and the answers the pipeline itself can give: auth failures, rate limiting.
    /// </summary>
    private sealed class StandardResponsesFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Responses ??= new OpenApiResponses();
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
            if (anonymous)
            {
                operation.Security = [];
            }
            else
            {
                var scope = metadata.OfType<RequiredScope>().LastOrDefault()?.Scope;
                operation.Security = [Requirement(BearerScheme, context)];
                if (scope is { } required)
                {
                    operation.Security.Add(Requirement(ApiKeyScheme, context));
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions[RequiredScopeExtension] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(required.Name()));
                }
                var keys = scope is { } named ? $"API keys need the scope `{named.Name()}`." : "API keys may not call this operation.";
                operation.Description = string.IsNullOrEmpty(operation.Description) ? keys : $"{operation.Description}\n\n{keys}";
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing, invalid, expired or revoked access token or API key." });
                operation.Responses.TryAdd("403", new OpenApiResponse
                {
                    Description = "The caller's role does not allow this, or the API key lacks the scope (named in the problem's requiredScope).",
                });
            }
            operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Rate limit exceeded; see Retry-After." });
        }

        private static OpenApiSecurityRequirement Requirement(string scheme, OperationFilterContext context) =>
            new() { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] };
    }

    /// <summary>Every operation has a summary: its own, or its operation id in words ("ListMedia" reads "List media").</summary>
    private sealed class SummaryFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (string.IsNullOrWhiteSpace(operation.Summary) && operation.OperationId is { Length: > 0 } id)
            {
                operation.Summary = OperationWords.Of(id);
            }
        }
    }
}
