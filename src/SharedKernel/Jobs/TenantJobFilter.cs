using Hangfire.Client;
using Hangfire.Common;

namespace Platform.SharedKernel.Jobs;

/// <summary>
/// Refuses to create a job that neither carries its tenant nor is marked cross-tenant, so no job can run
/// with an ambient or forgotten tenant; records the tenant as a job parameter for the dashboard.
/// </summary>
public sealed class TenantJobFilter : JobFilterAttribute, IClientFilter
{
    public const string TenantParameter = "TenantId";

    public void OnCreating(CreatingContext context)
    {
        var method = context.Job.Method;
        if (TenantJobArguments.IsCrossTenant(method))
        {
            return;
        }
        if (!TenantJobArguments.DeclaresTenant(method))
        {
            throw new InvalidOperationException(
                $"Job {method.DeclaringType?.Name}.{method.Name} must take a Guid tenantId argument or be marked [CrossTenantJob].");
        }
        var tenantId = TenantJobArguments.FindTenant(context.Job)
            ?? throw new InvalidOperationException($"Job {method.DeclaringType?.Name}.{method.Name} was given no tenant.");
        context.SetJobParameter(TenantParameter, tenantId);
    }

    public void OnCreated(CreatedContext context)
    {
    }
}
