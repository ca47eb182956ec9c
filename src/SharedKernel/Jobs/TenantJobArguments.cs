using System.Reflection;
using Hangfire.Common;

namespace Platform.SharedKernel.Jobs;

/// <summary>Reads the tenant a job acts for from its <c>Guid tenantId</c> argument.</summary>
public static class TenantJobArguments
{
    public const string ParameterName = "tenantId";

    public static Guid? FindTenant(Job job)
    {
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (IsTenantParameter(parameters[i]) && job.Args[i] is Guid tenantId && tenantId != Guid.Empty)
            {
                return tenantId;
            }
        }
        return null;
    }

    public static bool DeclaresTenant(MethodInfo method) => method.GetParameters().Any(IsTenantParameter);

    public static bool IsCrossTenant(MethodInfo method) => method.GetCustomAttribute<CrossTenantJobAttribute>() is not null;

    private static bool IsTenantParameter(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(Guid) && parameter.Name == ParameterName;
}
