using System.Net;
using Platform.Host.Telemetry;
using Shouldly;

namespace Platform.Foundation.Tests.Telemetry;

/// <summary>Who may read /metrics, decided without a host.</summary>
public sealed class MetricsAccessRuleTests
{
    private const string Secret = "a-scrape-secret-of-enough-length";

    [TestCase("127.0.0.1", true)]
    [TestCase("127.8.9.10", true)]
    [TestCase("::1", true)]
    [TestCase("::ffff:127.0.0.1", true)]
    [TestCase("10.0.0.5", false)]
    [TestCase("2001:db8::1", false)]
    public void With_nothing_set_only_loopback_is_let_in(string address, bool allowed)
    {
        new MetricsAccessRule(new MetricsEndpointOptions()).Allows(IPAddress.Parse(address), null).ShouldBe(allowed);
    }

    [TestCase("10.1.2.3", true)]
    [TestCase("192.168.1.20", true)]
    [TestCase("192.168.1.21", false)]
    [TestCase("127.0.0.1", false)]
    public void Configured_addresses_and_networks_replace_loopback(string address, bool allowed)
    {
        var rule = new MetricsAccessRule(new MetricsEndpointOptions { AllowedAddresses = ["10.0.0.0/8", "192.168.1.20"] });

        rule.Allows(IPAddress.Parse(address), null).ShouldBe(allowed);
    }

    [Test]
    public void An_unknown_address_is_refused_when_addresses_are_checked()
    {
        new MetricsAccessRule(new MetricsEndpointOptions()).Allows(null, null).ShouldBeFalse();
    }

    [TestCase("Bearer " + Secret, true)]
    [TestCase("bearer " + Secret, true)]
    [TestCase("Bearer " + Secret + "x", false)]
    [TestCase("Bearer wrong", false)]
    [TestCase(Secret, false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void A_secret_alone_lets_in_any_address_that_sends_it(string? authorization, bool allowed)
    {
        var rule = new MetricsAccessRule(new MetricsEndpointOptions { BearerSecret = Secret });

        rule.Allows(IPAddress.Parse("203.0.113.9"), authorization).ShouldBe(allowed);
    }

    [Test]
    public void Addresses_and_a_secret_together_need_both()
    {
        var rule = new MetricsAccessRule(new MetricsEndpointOptions { AllowedAddresses = ["10.0.0.0/8"], BearerSecret = Secret });

        rule.Allows(IPAddress.Parse("10.0.0.1"), "Bearer " + Secret).ShouldBeTrue();
        rule.Allows(IPAddress.Parse("10.0.0.1"), "Bearer wrong").ShouldBeFalse();
        rule.Allows(IPAddress.Parse("203.0.113.9"), "Bearer " + Secret).ShouldBeFalse();
    }

    [Test]
    public void Malformed_entries_and_short_secrets_are_named_at_start_up()
    {
        var problems = new MetricsEndpointOptions { AllowedAddresses = ["10.0.0.0/33", "not-an-address"], BearerSecret = "short" }.Problems().ToList();

        problems.Count.ShouldBe(3);
        problems.ShouldContain(p => p.Contains("'10.0.0.0/33'"));
        problems.ShouldContain(p => p.Contains("'not-an-address'"));
        problems.ShouldContain(p => p.Contains("BearerSecret"));
    }
}
