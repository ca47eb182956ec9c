using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.SharedKernel.Modules;

/// <summary>
/// What a module gives the host: its services, its endpoints under <c>/api/v1</c>, and its recurring jobs.
/// Implementations stay internal; the assembly names them with <see cref="PlatformModuleAttribute"/>.
/// </summary>
public interface IModule
{
    /// <summary>Short name, also the module's PostgreSQL schema.</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <param name="api">The <c>/api/v1</c> group; authentication and the unit of work already apply.</param>
    void MapEndpoints(IEndpointRouteBuilder api);

    /// <summary>Maps endpoints outside <c>/api/v1</c>, such as a protocol's own path; they get no unit of work.</summary>
    void MapRoutes(IEndpointRouteBuilder app)
    {
    }

    /// <summary>Registers or updates the module's recurring jobs, with ids prefixed by the module name.</summary>
    void ScheduleRecurringJobs(IRecurringJobManager jobs)
    {
    }
}
