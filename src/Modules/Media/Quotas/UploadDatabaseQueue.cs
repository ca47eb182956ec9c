using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;

namespace Platform.Media.Quotas;

/// <summary>
/// Lets at most a configured number of uploads hold a database connection at once; the rest wait here, holding nothing.
/// A burst of uploads otherwise asks the request admission for more connections at once than it has, and the ones that
/// wait longer than it allows are answered 503 although each would have needed the connection for a few milliseconds.
/// </summary>
internal sealed class UploadDatabaseQueue(int maxConcurrent, IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim turns = new(maxConcurrent, maxConcurrent);

    /// <summary>Runs <paramref name="work"/> in a unit of work of its own once a turn is free.</summary>
    public async Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken);
        try
        {
            return await scopes.RunAsync(tenantId, work, cancellationToken);
        }
        finally
        {
            turns.Release();
        }
    }
}
