using Microsoft.Extensions.DependencyInjection;

namespace Platform.SharedKernel.Tenancy;

public static class TenantScopes
{
    /// <summary>
    /// A fresh scope acting for <paramref name="tenantId"/> (for none when null) with no unit of work open: for work that
    /// must not hold a connection while it waits, and opens short units of work of its own where it needs the database.
    /// </summary>
    public static AsyncServiceScope CreateTenantScope(this IServiceScopeFactory scopes, Guid? tenantId)
    {
        var scope = scopes.CreateAsyncScope();
        if (tenantId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id);
        }
        return scope;
    }
}
