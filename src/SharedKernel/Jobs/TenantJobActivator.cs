using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Tenancy;

namespace Platform.SharedKernel.Jobs;

/// <summary>
/// Gives each job its own DI scope whose tenant is the one in the job's arguments, set before the job
/// (and any DbContext it needs) is resolved, so row-level security applies inside jobs as in requests.
/// </summary>
public sealed class TenantJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(PerformContext context)
    {
        var scope = scopes.CreateAsyncScope();
        if (TenantJobArguments.FindTenant(context.BackgroundJob.Job) is { } tenantId)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        }
        return new Scope(scope);
    }

    private sealed class Scope(AsyncServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
