using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;

namespace Platform.Media.Quotas;

/// <summary>
/// Quota taken before a file's bytes are stored, each in a unit of work of its own, so the tenant's usage row is locked
/// for one statement instead of for the whole write; a file that is not kept gives its reservation back.
/// </summary>
internal sealed class QuotaReservations(IServiceScopeFactory scopes, UploadDatabaseQueue queue)
{
    /// <summary>Counts one file of <paramref name="bytes"/>, or throws the quota's refusal (409 files, 413 bytes).</summary>
    public async Task ReserveAsync(Guid tenantId, long bytes, CancellationToken cancellationToken)
    {
        var (outcome, usage) = await queue.RunAsync(tenantId,
            services => services.GetRequiredService<MediaUsageLedger>().TryAddAsync(tenantId, bytes, cancellationToken), cancellationToken);
        if (outcome != QuotaOutcome.Fits)
        {
            throw usage.Refusal(outcome, bytes);
        }
    }

    /// <summary>Gives a reservation back, even when the request that made it has gone.</summary>
    public async Task ReleaseAsync(Guid tenantId, long bytes)
    {
        // Finishing work already started: a busy pool must not refuse it the way it refuses new requests, or the quota leaks.
        RequestConnectionAdmission.LeaveRequestFlow();
        await scopes.RunAsync(tenantId, async services =>
        {
            await services.GetRequiredService<MediaUsageLedger>().RemoveAsync(tenantId, bytes, CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }
}
