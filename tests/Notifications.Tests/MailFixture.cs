using Platform.TestKit;

namespace Platform.Notifications.Tests;

/// <summary>For a class of mail tests: the real host sending to the local SMTP server, and one registered owner.</summary>
public abstract class MailFixture
{
    internal NotificationsApp app = null!;
    protected TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = NotificationsApp.Start();
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();
}
