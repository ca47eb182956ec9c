using Hangfire;
using Platform.SharedKernel.Modules;

namespace Platform.Host.Jobs;

/// <summary>
/// Registers the modules' recurring jobs after start-up, retrying while Hangfire's storage refuses (a host
/// killed mid-registration leaves its distributed lock behind until it expires): start-up never fails for it.
/// </summary>
internal sealed class RecurringJobsRegistration(IReadOnlyList<IModule> modules, IRecurringJobManager jobs, ILogger<RecurringJobsRegistration> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var module in modules)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    module.ScheduleRecurringJobs(jobs);
                    break;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Could not register the recurring jobs of {Module} yet; retrying", module.Name);
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }
        }
    }
}
