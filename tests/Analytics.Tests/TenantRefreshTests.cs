using Platform.Analytics.Refresh;
using Shouldly;

namespace Platform.Analytics.Tests;

public sealed class TenantRefreshTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(15);

    [Test]
    public void Within_the_cooldown_a_new_refresh_is_refused_and_the_previous_one_stays()
    {
        var refresh = TenantRefresh.Start(Guid.NewGuid(), Guid.NewGuid(), null, Noon);
        var previous = refresh.RefreshId;

        refresh.TryRestart(Guid.NewGuid(), null, Noon.AddMinutes(5), Cooldown).ShouldBeFalse();

        refresh.RefreshId.ShouldBe(previous);
        refresh.WaitBeforeNext(Noon.AddMinutes(5), Cooldown).ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Test]
    public void Once_the_cooldown_has_passed_a_new_refresh_starts()
    {
        var refresh = TenantRefresh.Start(Guid.NewGuid(), Guid.NewGuid(), null, Noon);
        var next = Guid.NewGuid();

        refresh.TryRestart(next, null, Noon.Add(Cooldown), Cooldown).ShouldBeTrue();

        refresh.RefreshId.ShouldBe(next);
        refresh.RequestedAt.ShouldBe(Noon.Add(Cooldown));
        refresh.WaitBeforeNext(Noon.Add(Cooldown), Cooldown).ShouldBe(Cooldown);
    }
}
