using Shouldly;

namespace Platform.Foundation.Tests.Caching;

internal static class Eventually
{
    /// <summary>For effects that travel through Redis on their own, off the request's path: waits up to 5 s.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, because);
            await Task.Delay(20);
        }
    }
}
