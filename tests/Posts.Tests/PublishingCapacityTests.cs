using Platform.Posts.Publishing;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>Each target in flight takes pooled connections around its platform call: the pool bounds how many fly at once.</summary>
public sealed class PublishingCapacityTests
{
    [TestCase(256, 64, 56)]
    [TestCase(256, 264, 256)]
    [TestCase(16, 64, 16)]
    [TestCase(256, 4, 1)]
    public void Targets_in_flight_leave_the_host_some_connections(int maxConcurrency, int maxPoolSize, int expected) =>
        new PublishingOptions { MaxConcurrency = maxConcurrency }.InFlight(maxPoolSize).ShouldBe(expected);
}
