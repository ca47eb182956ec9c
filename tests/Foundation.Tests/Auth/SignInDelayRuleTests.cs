using System.Net;
using Microsoft.Extensions.Time.Testing;
using Platform.Host.Pipeline;
using Platform.SharedKernel.Throttling;
using Platform.Users.Credentials;
using Platform.Users.Features.Shared;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>The rules behind sign-in throttling, without a database or Redis.</summary>
public sealed class SignInDelayRuleTests
{
    private static readonly BackoffRule Rule = new(FreeFailures: 3, FirstDelay: TimeSpan.FromSeconds(1), MaxDelay: TimeSpan.FromMinutes(15), ForgetAfter: TimeSpan.FromHours(1));

    [Test]
    public void The_free_failures_cost_no_wait_and_each_one_after_doubles_it_up_to_the_cap()
    {
        Enumerable.Range(0, 4).Select(n => Rule.DelayAfter(n)).ShouldAllBe(wait => wait == TimeSpan.Zero);
        Rule.DelayAfter(4).ShouldBe(TimeSpan.FromSeconds(1));
        Rule.DelayAfter(5).ShouldBe(TimeSpan.FromSeconds(2));
        Rule.DelayAfter(6).ShouldBe(TimeSpan.FromSeconds(4));
        Rule.DelayAfter(13).ShouldBe(TimeSpan.FromSeconds(512));
        Rule.DelayAfter(14).ShouldBe(TimeSpan.FromMinutes(15));
        Rule.DelayAfter(long.MaxValue).ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Test]
    public async Task A_key_waits_after_its_free_failures_and_forgets_them_after_a_quiet_spell()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var backoff = new MemoryFailureBackoff(clock);
        for (var i = 0; i < 3; i++)
        {
            (await backoff.RecordFailureAsync("k", Rule, CancellationToken.None)).ShouldBe(TimeSpan.Zero);
        }
        (await backoff.WaitAsync("k", CancellationToken.None)).ShouldBe(TimeSpan.Zero);

        (await backoff.RecordFailureAsync("k", Rule, CancellationToken.None)).ShouldBe(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(400));
        (await backoff.WaitAsync("k", CancellationToken.None)).ShouldBe(TimeSpan.FromMilliseconds(600));
        (await backoff.WaitAsync("other", CancellationToken.None)).ShouldBe(TimeSpan.Zero);

        clock.Advance(TimeSpan.FromSeconds(1));
        (await backoff.RecordFailureAsync("k", Rule, CancellationToken.None)).ShouldBe(TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromHours(1));
        (await backoff.WaitAsync("k", CancellationToken.None)).ShouldBe(TimeSpan.Zero);
        (await backoff.RecordFailureAsync("k", Rule, CancellationToken.None)).ShouldBe(TimeSpan.Zero, "failures are forgotten after an hour without one");
    }

    [Test]
    public async Task A_reset_forgets_the_failures_of_that_key_only()
    {
        var backoff = new MemoryFailureBackoff(new FakeTimeProvider());
        var strict = Rule with { FreeFailures = 0 };
        await backoff.RecordFailureAsync("pair", strict, CancellationToken.None);
        await backoff.RecordFailureAsync("address", strict, CancellationToken.None);

        await backoff.ResetAsync("pair", CancellationToken.None);

        (await backoff.WaitAsync("pair", CancellationToken.None)).ShouldBe(TimeSpan.Zero);
        (await backoff.WaitAsync("address", CancellationToken.None)).ShouldBe(TimeSpan.FromSeconds(1));
    }

    [TestCase("203.0.113.7", "203.0.113.7")]
    [TestCase("::ffff:203.0.113.7", "203.0.113.7")]
    [TestCase("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    public void Failures_count_against_an_IPv4_address_or_an_IPv6_network_of_64_bits(string address, string counted)
    {
        ClientAddress.Of(IPAddress.Parse(address)).ShouldBe(counted);
    }

    [Test]
    public void Throttle_settings_that_make_no_sense_are_refused_by_name()
    {
        var result = new SignInThrottleOptionsValidator().Validate(null, new SignInThrottleOptions
        {
            FreeFailuresPerAddress = -1,
            FirstDelay = TimeSpan.Zero,
            MaxDelay = TimeSpan.FromMinutes(30),
            ForgetAfter = TimeSpan.FromMinutes(10),
        });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Users:SignInThrottle:FreeFailuresPerAddress");
        result.FailureMessage.ShouldContain("Users:SignInThrottle:FirstDelay");
        result.FailureMessage.ShouldContain("Users:SignInThrottle:ForgetAfter");
        new SignInThrottleOptionsValidator().Validate(null, new SignInThrottleOptions()).Succeeded.ShouldBeTrue();
    }

    [Test]
    public void Proxies_that_are_not_addresses_or_networks_are_refused_by_name()
    {
        var result = new TrustedProxiesOptionsValidator().Validate(null, new TrustedProxiesOptions
        {
            KnownProxies = ["10.0.0.5", "proxy.internal"],
            KnownNetworks = ["10.0.0.0/8", "10.0.0.0/33"],
        });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("ForwardedHeaders:KnownProxies has 'proxy.internal'");
        result.FailureMessage.ShouldContain("ForwardedHeaders:KnownNetworks has '10.0.0.0/33'");
        result.FailureMessage.ShouldNotContain("10.0.0.5");
    }
}
