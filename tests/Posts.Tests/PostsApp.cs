namespace Platform.Posts.Tests;

/// <summary>The real host with X pointed at a local fake, fast retries and final lookups, and a short lease.</summary>
internal sealed class PostsApp(FakePlatform x, IDictionary<string, string?>? extra = null) : PlatformApp(Settings(x, extra))
{
    public const string XUserId = FakeX.UserId;

    private static Dictionary<string, string?> Settings(FakePlatform x, IDictionary<string, string?>? extra)
    {
        var settings = FakeX.Settings(x);
        settings["Publishing:RetryBaseDelay"] = "00:00:00.200";
        settings["Publishing:FinalLookupDelay"] = "00:00:00.200";
        settings["Publishing:Lease"] = "00:00:10";
        settings["SocialAccounts:HttpTimeoutSeconds"] = "3";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Connects an X account to the owner's tenant through the real OAuth endpoints.</summary>
    public Task<Guid> ConnectXAsync(TestAccount owner, FakePlatform fake) => owner.ConnectXAsync(fake);
}
