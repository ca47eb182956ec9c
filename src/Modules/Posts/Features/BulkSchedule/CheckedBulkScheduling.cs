using Microsoft.Extensions.DependencyInjection;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Tenancy;

namespace Platform.Posts.Features.BulkSchedule;

/// <summary>
/// Bulk scheduling with each target held against its account's platform, holding no connection while platforms answer:
/// the rows are checked and built in one short unit of work, the platforms asked with none open, and the posts written
/// and queued in another. All or nothing: a refusal answers 422 naming the row and target field, a platform that cannot
/// be asked 503.
/// </summary>
internal sealed class CheckedBulkScheduling(IServiceScopeFactory scopes, ITenantContext tenant)
{
    public async Task<IReadOnlyList<Guid>> ScheduleAsync(IReadOnlyList<BulkPostRow> rows, IReadOnlyList<RowError> earlierErrors, Guid userId, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var planned = await scopes.RunAsync(tenantId,
            services => services.GetRequiredService<BulkScheduler>().PlanAsync(rows, earlierErrors, userId, cancellationToken), cancellationToken);

        var refused = new List<RowError>();
        var unavailable = new Dictionary<string, object?>();
        await using (var scope = scopes.CreateTenantScope(tenantId))
        {
            var platforms = scope.ServiceProvider.GetRequiredService<PlatformTargetChecks>();
            foreach (var plan in planned)
            {
                var findings = await platforms.CheckAsync(TargetToCheck.Of(plan.Post), cancellationToken);
                if (findings.Errors.Count > 0)
                {
                    refused.Add(new RowError(plan.Row, [.. findings.Errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}"))]));
                }
                foreach (var (target, why) in findings.Unavailable)
                {
                    unavailable[target] = why;
                }
            }
        }
        if (refused.Count > 0)
        {
            throw new ProblemException(422, "Some rows are not valid", $"{refused.Count} of {rows.Count} rows have problems; nothing was scheduled.",
                new Dictionary<string, object?> { ["rows"] = refused });
        }
        if (unavailable.Count > 0)
        {
            throw PlatformTargetChecks.Unavailable(unavailable);
        }

        return await scopes.RunAsync(tenantId,
            services => services.GetRequiredService<BulkScheduler>().CommitAsync(planned, cancellationToken), cancellationToken);
    }
}
