using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>With no proxy configured, X-Forwarded-For is anybody's word: the throttle counts the connection's peer.</summary>
public sealed class UntrustedForwardedHeadersTests
{
    private PlatformApp app = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        app = new PlatformApp(new Dictionary<string, string?>
        {
            ["Users:SignInThrottle:FreeFailuresPerAddress"] = "3",
            ["Users:SignInThrottle:FirstDelay"] = "00:01:00",
        });
        app.UseKestrel(0);
        client = app.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public async Task X_Forwarded_For_from_an_unconfigured_peer_does_not_change_the_client_the_throttle_counts()
    {
        var user = await app.RegisterAsync();
        for (var i = 0; i < 4; i++)
        {
            (await client.LoginForAsync("198.51.100.7", $"nobody-{Guid.NewGuid():N}@example.com", "guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var claimingAnotherAddress = await client.LoginForAsync("198.51.100.99", user.Email, user.Password);

        claimingAnotherAddress.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "both requests came from the same peer");
    }
}
