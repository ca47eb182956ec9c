using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Audit.Contracts;
using Platform.Audit.Data;
using Platform.Audit.Features.ListAuditEntries;
using Platform.Audit.Recording;
using Platform.Audit.Retention;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.Audit.AuditModule))]

namespace Platform.Audit;

internal sealed class AuditModule : IModule
{
    public const string Schema = "audit";

    public string Name => Schema;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AuditDbContext>();
        services.AddHttpContextAccessor();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptions.Validation>();
        services.AddScoped<IAuditTrail, AuditTrail>();
    }

    // No scope is declared: API keys never read the audit log, like they never manage users, keys or billing.
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        ListAuditEntriesEndpoint.Map(audit);
    }

    public void ScheduleRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<AuditRetentionJob>(AuditRetentionJob.RecurringJobId, job => job.PruneAsync(CancellationToken.None), AuditRetentionJob.Every);
}
