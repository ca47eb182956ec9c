using System.Net;
using Platform.Users.Data;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>What counts as the same device, and which sign-ins are worth a mail, without a database.</summary>
public sealed class DeviceRecognitionRulesTests
{
    private const string Chrome120 = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36";
    private const string Chrome121 = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.85 Safari/537.36";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
    private static readonly IPAddress Home = IPAddress.Parse("203.0.113.7");

    [Test]
    public void A_browser_update_on_the_same_line_is_the_same_device() =>
        DeviceFingerprint.Of(Chrome121, IPAddress.Parse("203.0.113.200")).Hash.ShouldBe(DeviceFingerprint.Of(Chrome120, Home).Hash);

    [Test]
    public void Another_browser_or_another_network_is_another_device()
    {
        var known = DeviceFingerprint.Of(Chrome120, Home).Hash;

        DeviceFingerprint.Of(Firefox, Home).Hash.ShouldNotBe(known);
        DeviceFingerprint.Of(Chrome120, IPAddress.Parse("198.51.100.7")).Hash.ShouldNotBe(known);
        DeviceFingerprint.Of(Chrome120, null).Hash.ShouldNotBe(known);
        DeviceFingerprint.Of(null, Home).Hash.ShouldNotBe(known);
    }

    [Test]
    public void Networks_are_the_IPv4_slash_24_and_the_IPv6_slash_64()
    {
        DeviceFingerprint.Network(Home).ShouldBe("203.0.113.0/24");
        DeviceFingerprint.Network(IPAddress.Parse("::ffff:203.0.113.99")).ShouldBe("203.0.113.0/24");
        DeviceFingerprint.Network(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).ShouldBe("2001:db8:1:2::/64");
        DeviceFingerprint.Network(null).ShouldBe("unknown");
    }

    [Test]
    public void A_very_long_user_agent_is_read_only_up_to_its_limit()
    {
        var padded = Chrome120 + new string('x', DeviceFingerprint.MaxUserAgentLength);

        DeviceFingerprint.BrowserFamily(padded).Length.ShouldBeLessThanOrEqualTo(DeviceFingerprint.MaxUserAgentLength);
        DeviceFingerprint.BrowserFamily(padded + "different tail").ShouldBe(DeviceFingerprint.BrowserFamily(padded));
    }

    // The sighting by name: the enum is internal to the module, and a test case's parameters are public.
    [TestCase(true, true, "Known")]
    [TestCase(true, false, "Known")]
    [TestCase(false, false, "First")]
    [TestCase(false, true, "New")]
    public void Only_a_device_beside_others_seen_before_is_new(bool deviceWasKnown, bool userHadOtherDevices, string expectedName)
    {
        var expected = Enum.Parse<DeviceSighting>(expectedName);
        var sighting = KnownDevice.Classify(deviceWasKnown, userHadOtherDevices);

        sighting.ShouldBe(expected);
        KnownDevice.IsWorthTelling(sighting).ShouldBe(expected == DeviceSighting.New);
    }
}
