using Platform.Notifications.Live;
using Shouldly;

namespace Platform.Notifications.Tests;

public sealed class LiveStreamOptionsTests
{
    private static readonly LiveStreamOptions.Validation Validation = new();

    [Test]
    public void The_defaults_are_valid() => Validation.Validate(null, new LiveStreamOptions()).Succeeded.ShouldBeTrue();

    [Test]
    public void Each_out_of_range_setting_is_named()
    {
        var result = Validation.Validate(null, new LiveStreamOptions
        {
            HeartbeatInterval = TimeSpan.Zero, ReplayLength = 1, ClientBuffer = 0, PublishBuffer = 5,
        });

        result.Failed.ShouldBeTrue();
        foreach (var setting in new[] { "HeartbeatInterval", "ReplayLength", "ClientBuffer", "PublishBuffer" })
        {
            result.FailureMessage.ShouldContain($"Notifications:Stream:{setting}");
        }
    }
}
