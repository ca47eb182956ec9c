using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Agents.Contracts;
using Platform.Agents.Features.DraftPost;
using Platform.Agents.Features.GenerateCaption;
using Platform.Agents.Features.GenerateHashtags;
using Platform.Agents.Features.GetAnalytics;
using Platform.Agents.Features.GetCalendar;
using Platform.Agents.Features.ListAccounts;
using Platform.Agents.Features.PublishPost;
using Platform.Agents.Features.SchedulePost;
using Platform.Agents.Features.Shared;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.Agents.AgentsModule))]

namespace Platform.Agents;

/// <summary>
/// AI agents work with a tenant through an API key over the Model Context Protocol (Streamable HTTP at <see cref="Path"/>,
/// https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http): one tool per use case, each
/// calling the owning module's contract and needing the scope its REST endpoint needs. No tables of its own.
/// </summary>
internal sealed class AgentsModule : IModule
{
    public const string Path = "/mcp";

    public string Name => "agents";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ToolInvoker>();
        services.AddSingleton<IAgentToolCallLog, AuditedToolCalls>();
        // Stateless: each POST carries its own key and is served on its own, so any host can answer any call.
        services.AddMcpServer()
            .WithHttpTransport(transport => transport.Stateless = true)
            .WithTools<ListAccountsTool>()
            .WithTools<DraftPostTool>()
            .WithTools<SchedulePostTool>()
            .WithTools<PublishPostTool>()
            .WithTools<GenerateCaptionTool>()
            .WithTools<GenerateHashtagsTool>()
            .WithTools<GetAnalyticsTool>()
            .WithTools<GetCalendarTool>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder app) => app.MapMcp(Path)
        .RequireAuthorization(Policies.ApiKey)
        .WithMetadata(ScopesCheckedPerCall.Instance)
        .ExcludeFromDescription();
}
