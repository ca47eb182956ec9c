using System.Diagnostics;
using Platform.SharedKernel.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Tenancy;

namespace Platform.SharedKernel.Data;

/// <summary>Runs work in a fresh scope and unit of work, for background code that is not a request.</summary>
public static class UnitOfWork
{
    /// <summary>Commits when <paramref name="work"/> returns, rolls back when it throws.</summary>
    public static Task<T> RunAsync<T>(
        this IServiceScopeFactory scopes, Guid? tenantId, Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, work, commitsDespite: static _ => false, cancellationToken);

    /// <summary>
    /// Commits when <paramref name="work"/> returns, and also when it throws a failure that <paramref name="commitsDespite"/>
    /// accepts (one the work recorded before failing, such as an account marked unusable), which is then rethrown; rolls
    /// back on any other.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        this IServiceScopeFactory scopes, Guid? tenantId, Func<IServiceProvider, Task<T>> work, Func<Exception, bool> commitsDespite,
        CancellationToken cancellationToken)
    {
        using var span = PlatformTelemetry.ActivitySource.StartActivity("unit of work");
        span?.SetTag("platform.tenant_id", tenantId);
        await using var scope = scopes.CreateTenantScope(tenantId);
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(cancellationToken);
        T result;
        try
        {
            result = await work(scope.ServiceProvider);
        }
        catch (Exception failure) when (commitsDespite(failure) && session.IsActive)
        {
            await session.CommitAsync(cancellationToken);
            throw;
        }
        catch (Exception failure)
        {
            span?.SetStatus(ActivityStatusCode.Error, failure.Message);
            throw;
        }
        if (session.IsActive)
        {
            await session.CommitAsync(cancellationToken);
        }
        return result;
    }
}
