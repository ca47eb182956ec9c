using Platform.TestKit;

namespace Platform.Foundation.Tests;

/// <summary>One host with default settings for a whole fixture, and a client that carries no token.</summary>
public abstract class OneHostFixture
{
    protected PlatformApp app = null!;
    protected HttpClient anonymous = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        app = new PlatformApp();
        anonymous = app.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        anonymous.Dispose();
        await app.DisposeAsync();
    }
}
