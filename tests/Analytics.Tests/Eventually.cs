namespace Platform.Analytics.Tests;

internal static class Eventually
{
    /// <summary>Probes every 100 ms until <paramref name="arrived"/> holds; fails after 15 s.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> arrived)
    {
        for (var i = 0; i < 150; i++)
        {
            var value = await probe();
            if (arrived(value))
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing arrived within 15 s.");
    }
}
