using Hangfire.Common;
using Hangfire.Server;
using Platform.SharedKernel.Telemetry;

namespace Platform.SharedKernel.Jobs;

/// <summary>Counts every Hangfire job run by job (type and method) and outcome, for <see cref="PlatformMetrics.JobExecutions"/>.</summary>
public sealed class JobMetricsFilter : JobFilterAttribute, IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        var failed = context.Exception is not null && !context.ExceptionHandled;
        PlatformMetrics.JobExecutions.Add(1,
            new KeyValuePair<string, object?>("job", JobName(context.BackgroundJob.Job)),
            new KeyValuePair<string, object?>("outcome", failed ? "failed" : "succeeded"));
    }

    public static string JobName(Job job) => $"{job.Type.Name}.{job.Method.Name}";
}
