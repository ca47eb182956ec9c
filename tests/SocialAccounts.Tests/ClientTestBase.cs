using Microsoft.Extensions.DependencyInjection;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Tests;

/// <summary>A fixture that drives platform clients directly (as the publishing path does) against the fake platform.</summary>
public abstract class ClientTestBase
{
    private protected FakePlatform Fake { get; private set; } = null!;
    private protected SocialAccountsApp App { get; private set; } = null!;
    private AsyncServiceScope scope;

    [OneTimeSetUp]
    public async Task StartPlatform()
    {
        Fake = await FakePlatform.StartAsync();
        App = new SocialAccountsApp(Fake);
        _ = App.Services;
    }

    [OneTimeTearDown]
    public async Task StopPlatform()
    {
        await scope.DisposeAsync();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }

    [SetUp]
    public void ResetPlatform()
    {
        Fake.Reset();
        scope = App.Services.CreateAsyncScope();
    }

    private protected IPlatformClient Client(SocialPlatform platform) =>
        scope.ServiceProvider.GetRequiredService<PlatformClientFactory>().For(platform);

    private protected static AccountCredentials Account(string externalId, string accessToken, string? refreshToken = null, string? handle = null,
        Dictionary<string, string>? metadata = null) =>
        new(Guid.NewGuid(), externalId, handle, accessToken, refreshToken, metadata ?? []);

    private protected MediaItem Media(string name, MediaKind kind, string contentType, string bytes = "BYTES")
    {
        Fake.On("GET", $"/media/{name}", new FakeResponse(200, bytes, contentType));
        return new MediaItem($"{Fake.Url}/media/{name}", kind, contentType, bytes.Length, AltText: "alt " + name);
    }
}
