using Platform.SharedKernel.Jobs;
using Shouldly;

namespace Platform.Foundation.Tests.Jobs;

/// <summary>The dispatcher's wake-up: a burst of notifications wakes it once, and a wait with none times out.</summary>
public sealed class WakeSignalTests
{
    [Test]
    public async Task Many_signals_before_a_wait_wake_it_once()
    {
        var signal = new WakeSignal();
        for (var i = 0; i < 100; i++)
        {
            signal.Set();
        }

        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeTrue();
        (await signal.WaitAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_signal_during_a_wait_wakes_it()
    {
        var signal = new WakeSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        signal.Set();

        (await waiting).ShouldBeTrue();
    }
}
