using Microsoft.Extensions.Options;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Pipeline;

/// <summary>Settings are read typed and checked at start-up: a bad value stops the host, naming it.</summary>
public sealed class HostSettingsStartupTests
{
    [TestCase("Http:MaxRequestBodyBytes", "0", "Http:MaxRequestBodyBytes")]
    [TestCase("Http:MaxRequestBodyBytes", "4294967296", "Http:MaxRequestBodyBytes")]
    [TestCase("RateLimiting:PermitsPerMinute", "0", "RateLimiting:PermitsPerMinute")]
    [TestCase("Cors:Origins:0", "https://app.example.com/dashboard", "https://app.example.com/dashboard")]
    [TestCase("Cors:Origins:0", "app.example.com", "Cors:Origins")]
    [TestCase("Cors:Origins:0", "https://app.example.com/", "Cors:Origins")]
    [TestCase("PlatformAdmins:Emails:0", "operators", "PlatformAdmins:Emails")]
    [TestCase("Users:SignInThrottle:MaxDelay", "00:00:00.5", "Users:SignInThrottle:MaxDelay")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks")]
    [TestCase("Redis:InstanceName", " ", "Redis:InstanceName")]
    [TestCase("Publishing:Lease", "00:00:01", "Publishing:Lease")]
    [TestCase("Publishing:MaxAttempts", "0", "Publishing:MaxAttempts")]
    [TestCase("Publishing:CircuitBreaker:BreakDuration", "00:00:00", "Publishing:CircuitBreaker:BreakDuration")]
    [TestCase("Telemetry:Metrics:AllowedAddresses:0", "10.0.0.0/33", "Telemetry:Metrics:AllowedAddresses")]
    [TestCase("Telemetry:Metrics:BearerSecret", "short", "Telemetry:Metrics:BearerSecret")]
    [TestCase("Telemetry:Otlp:Endpoint", "collector:4317", "Telemetry:Otlp:Endpoint")]
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
