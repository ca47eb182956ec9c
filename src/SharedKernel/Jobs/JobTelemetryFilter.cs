using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Platform.SharedKernel.Telemetry;

namespace Platform.SharedKernel.Jobs;

/// <summary>
/// Telemetry across Hangfire: a job keeps the W3C traceparent of whatever queued it (a request, an outbox handler, another
/// job) as a job parameter, and its run is a span continuing that trace; every line it logs names the job and its tenant;
/// every run is counted by job and outcome (<see cref="PlatformMetrics.JobExecutions"/>).
/// </summary>
public sealed class JobTelemetryFilter(ILoggerFactory loggers) : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string TraceParentParameter = "traceparent";
    private const string SpanItem = "platform.span";
    private const string LogScopeItem = "platform.log-scope";
    private readonly ILogger logger = loggers.CreateLogger<JobTelemetryFilter>();

    public void OnCreating(CreatingContext context)
    {
        if (TraceParent.Current() is { } traceparent)
        {
            context.SetJobParameter(TraceParentParameter, traceparent);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var name = JobName(context.BackgroundJob.Job);
        var span = TraceParent.Continue($"job {name}", ActivityKind.Consumer, context.GetJobParameter<string>(TraceParentParameter));
        if (span is not null)
        {
            span.SetTag("platform.job", name);
            span.SetTag("platform.job_id", context.BackgroundJob.Id);
            context.Items[SpanItem] = span;
        }
        var scope = new Dictionary<string, object> { ["Job"] = name, ["JobId"] = context.BackgroundJob.Id };
        if (TenantJobArguments.FindTenant(context.BackgroundJob.Job) is { } tenantId)
        {
            scope["TenantId"] = tenantId;
        }
        if (logger.BeginScope(scope) is { } logScope)
        {
            context.Items[LogScopeItem] = logScope;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        var failed = context.Exception is not null && !context.ExceptionHandled;
        PlatformMetrics.JobExecutions.Add(1,
            new KeyValuePair<string, object?>("job", JobName(context.BackgroundJob.Job)),
            new KeyValuePair<string, object?>("outcome", failed ? "failed" : "succeeded"));
        if (context.Items.TryGetValue(LogScopeItem, out var scope) && scope is IDisposable logScope)
        {
            logScope.Dispose();
        }
        if (context.Items.TryGetValue(SpanItem, out var item) && item is Activity span)
        {
            if (failed)
            {
                span.SetStatus(ActivityStatusCode.Error, context.Exception!.Message);
            }
            span.Dispose();
        }
    }

    private static string JobName(Job job) => $"{job.Type.Name}.{job.Method.Name}";
}
