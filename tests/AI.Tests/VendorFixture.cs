namespace Platform.AI.Tests;

/// <summary>
/// One host against local OpenAI and Anthropic servers for a whole fixture: the fixture names its own settings (prices,
/// resilience, moderation) and the answers the servers give by default, which are restored before every test.
/// </summary>
public abstract class VendorFixture
{
    protected const string ChatPath = VendorServers.ChatPath;
    protected const string MessagesPath = VendorServers.MessagesPath;
    protected const string ModerationsPath = VendorServers.ModerationsPath;
    protected const string ImagesPath = VendorServers.ImagesPath;

    private protected VendorServers vendors = null!;
    private protected AiApp app = null!;

    /// <summary>Configuration on top of the vendor servers' addresses.</summary>
    protected abstract Dictionary<string, string?> Settings();

    /// <summary>The servers' answers when a test scripts nothing else.</summary>
    protected abstract void DefaultAnswers();

    [OneTimeSetUp]
    public async Task StartVendorsAndHost()
    {
        vendors = await VendorServers.StartAsync();
        app = new AiApp(vendors.Settings(Settings()));
        _ = app.Services;
    }

    [SetUp]
    public void RestoreDefaultAnswers()
    {
        vendors.Reset();
        DefaultAnswers();
    }

    [OneTimeTearDown]
    public async Task StopVendorsAndHost()
    {
        await app.DisposeAsync();
        await vendors.DisposeAsync();
    }
}
