namespace Platform.Notifications.Tests;

internal static class Eventually
{
    /// <summary>Probes every 200 ms until <paramref name="arrived"/> holds; fails after 30 s.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> arrived)
    {
        for (var i = 0; i < 150; i++)
        {
            var value = await probe();
            if (arrived(value))
            {
                return value;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("Nothing arrived within 30 s.");
    }
}
