using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Outbound;

public sealed class OutboundOptionsStartupTests
{
    [Test]
    public async Task The_host_does_not_start_with_a_malformed_allowed_host_and_names_the_setting()
    {
        await using var app = new PlatformApp(new Dictionary<string, string?> { ["OutboundRequests:AllowedHosts:0"] = "admin@127.0.0.1:5432" });

        var failure = Should.Throw<Exception>(() => app.CreateClient());

        failure.ToString().ShouldContain("OutboundRequests:AllowedHosts:0 'admin@127.0.0.1:5432' is not host[:port].");
    }
}
