namespace Platform.SharedKernel.Caching;

/// <summary>
/// Tries a Redis subscription again every second until it takes or the host stops: a host started while Redis was away
/// joins its channel once Redis is back.
/// </summary>
public static class SubscriptionRetry
{
    public static async Task UntilSubscribedAsync(Func<Task<bool>> trySubscribe, CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            while (!await trySubscribe());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
