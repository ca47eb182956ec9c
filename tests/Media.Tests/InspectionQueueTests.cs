using Platform.Media.Detection;
using Shouldly;

namespace Platform.Media.Tests;

/// <summary>Decodes beyond the configured number wait their turn instead of all sharing the cores at once.</summary>
public sealed class InspectionQueueTests
{
    [Test]
    public async Task No_more_than_the_configured_number_of_inspections_run_at_once()
    {
        var queue = new InspectionQueue(2);
        var running = 0;
        var mostAtOnce = 0;
        var work = Enumerable.Range(0, 8).Select(_ => queue.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Thread.Sleep(50);
            Interlocked.Decrement(ref running);
            return now;
        }, CancellationToken.None)).ToList();

        await Task.WhenAll(work);

        mostAtOnce.ShouldBe(2);
    }

    [Test]
    public async Task A_caller_that_gives_up_while_waiting_leaves_the_queue_usable()
    {
        var queue = new InspectionQueue(1);
        using var release = new ManualResetEventSlim();
        var holder = queue.RunAsync(() => release.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => queue.RunAsync(() => true, giveUp.Token));
        release.Set();
        (await holder).ShouldBeTrue();
        (await queue.RunAsync(() => 42, CancellationToken.None)).ShouldBe(42);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
