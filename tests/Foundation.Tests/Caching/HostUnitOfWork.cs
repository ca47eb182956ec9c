using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.TestKit;

namespace Platform.Foundation.Tests.Caching;

/// <summary>Work on a host's own services in a unit of work for a tenant, as a request or a job of that host would do it.</summary>
internal static class HostUnitOfWork
{
    /// <summary>Reads in a read-only unit of work, as a GET does.</summary>
    public static async Task<T> ReadAsync<T>(this PlatformApp host, Guid tenantId, Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.UseTenantAsync(tenantId);
        await session.BeginReadOnlyAsync();
        return await read(scope.ServiceProvider);
    }

    /// <summary>Writes in a unit of work that commits only when <paramref name="commit"/> says so.</summary>
    public static async Task WriteAsync(this PlatformApp host, Guid tenantId, Func<IServiceProvider, Task> write, bool commit = true)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.UseTenantAsync(tenantId);
        await session.BeginAsync();
        await write(scope.ServiceProvider);
        if (commit)
        {
            await session.CommitAsync();
        }
    }
}
