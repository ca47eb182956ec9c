using Microsoft.Extensions.Options;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>Bad throttle or proxy settings stop the host at start-up, naming the setting.</summary>
public sealed class SignInSettingsStartupTests
{
    [TestCase("Users:SignInThrottle:MaxDelay", "00:00:00.5", "Users:SignInThrottle:MaxDelay")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks")]
    public async Task The_host_does_not_start_with_an_invalid_setting(string key, string value, string named)
    {
        await using var app = new PlatformApp(new Dictionary<string, string?>
        {
            [key] = value,
            ["Migrations:ApplyOnStartup"] = "false",
        });

        var failure = Should.Throw<OptionsValidationException>(() => app.CreateClient());

        failure.Message.ShouldContain(named);
    }
}
