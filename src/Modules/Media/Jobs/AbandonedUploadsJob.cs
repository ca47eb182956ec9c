using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Media.Data;
using Platform.Media.Features.DirectUpload;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;

namespace Platform.Media.Jobs;

/// <summary>
/// Removes direct uploads started longer than <c>Media:Uploads:AbandonedAfter</c> ago and never completed, with what was
/// sent for them (the object, or the multipart upload's parts). An hourly sweep learns which tenants have one (ids only,
/// through a SECURITY DEFINER function) and queues one removal per tenant under its own row-level security. Direct uploads
/// reserve no quota (completing counts the file), so there is none to give back.
/// </summary>
internal sealed class AbandonedUploadsJob(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, IOptions<MediaOptions> options, TimeProvider clock, ILogger<AbandonedUploadsJob> logger,
    IDirectUploadStore? uploads = null, IMediaStore? store = null)
{
    public const string RecurringJobId = "media:abandoned-uploads";
    public const string Every = "17 * * * *";

    /// <returns>The tenants a removal was queued for.</returns>
    [CrossTenantJob]
    [AutomaticRetry(Attempts = 0)]
    public async Task<IReadOnlyList<Guid>> SweepAsync(CancellationToken cancellationToken)
    {
        var startedBefore = clock.GetUtcNow() - options.Value.Uploads.AbandonedAfter;
        var tenants = await scopes.RunAsync(null, async services =>
        {
            var session = services.GetRequiredService<DbSession>();
            await using var command = await session.CreateCommandAsync("SELECT media.tenants_with_uploads_started_before($1)", cancellationToken);
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = startedBefore });
            var found = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetGuid(0));
            }
            return found;
        }, cancellationToken);
        foreach (var tenantId in tenants)
        {
            jobs.Enqueue<AbandonedUploadsJob>(job => job.RemoveAsync(tenantId, CancellationToken.None));
        }
        logger.LogInformation("Abandoned upload sweep queued {Count} tenants", tenants.Count);
        return tenants;
    }

    /// <returns>How many uploads were removed.</returns>
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RemoveAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var abandonedAfter = options.Value.Uploads.AbandonedAfter;
        var startedBefore = now - abandonedAfter;
        var abandoned = (await scopes.RunAsync(tenantId,
                services => services.GetRequiredService<MediaDbContext>().Uploads.AsNoTracking().Where(u => u.CreatedAt < startedBefore).ToListAsync(cancellationToken),
                cancellationToken))
            .Where(u => u.IsAbandoned(now, abandonedAfter)).ToList();
        // What was sent goes first, with no connection held; a row whose objects could not be removed stays for the next sweep.
        var removed = new List<Guid>();
        foreach (var upload in abandoned)
        {
            try
            {
                if (uploads is not null)
                {
                    await DirectUploads.TryAbortAsync(uploads, upload, logger);
                }
                if (store is not null)
                {
                    await store.DeleteAsync(upload.ObjectKey, cancellationToken);
                }
                removed.Add(upload.Id);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Abandoned upload {UploadId} keeps its object {Key} until the next sweep", upload.Id, upload.ObjectKey);
            }
        }
        if (removed.Count > 0)
        {
            await scopes.RunAsync(tenantId,
                services => services.GetRequiredService<MediaDbContext>().Uploads.Where(u => removed.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken),
                cancellationToken);
        }
        return removed.Count;
    }
}
