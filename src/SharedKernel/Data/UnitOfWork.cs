using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Tenancy;

namespace Platform.SharedKernel.Data;

/// <summary>Runs work in a fresh scope and unit of work, for background code that is not a request.</summary>
public static class UnitOfWork
{
    /// <summary>Commits when <paramref name="work"/> returns, rolls back when it throws.</summary>
    public static async Task<T> RunAsync<T>(
        this IServiceScopeFactory scopes, Guid? tenantId, Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (tenantId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id);
        }
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(cancellationToken);
        var result = await work(scope.ServiceProvider);
        if (session.IsActive)
        {
            await session.CommitAsync(cancellationToken);
        }
        return result;
    }
}
