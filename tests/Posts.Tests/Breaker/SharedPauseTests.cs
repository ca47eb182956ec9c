using Shouldly;

namespace Platform.Posts.Tests.Breaker;

/// <summary>A pause lives in the database, not in the process that opened it: another host, started later, honours it.</summary>
public sealed class SharedPauseTests
{
    [Test]
    public async Task A_pause_opened_by_one_host_holds_on_another_started_after_it()
    {
        await using var x = await FakePlatform.StartAsync();
        // The API host owns the database and publishes nothing; the workers come and go.
        await using var api = new PostsApp(x, new Dictionary<string, string?>(BreakerProbe.Settings) { ["Publishing:DispatcherEnabled"] = "false" });
        var owner = await api.RegisterAsync();
        var account = await api.ConnectXAsync(owner, x);
        x.FailTweets();
        await using (var first = new PostsApp(x, Worker(api)))
        {
            _ = first.Services;
            await BreakerProbe.FailPostsAsync(owner.Client, account, 2);
        }
        (await api.Database.PausedUntilAsync(account)).ShouldNotBeNull();
        x.AcceptTweets();

        await using var second = new PostsApp(x, Worker(api));
        _ = second.Services;
        var post = await BreakerProbe.PublishNowAsync(owner.Client, account, "Held by the shared pause");

        var waiting = await PostApi.WaitUntilAsync(owner.Client, post, BreakerProbe.IsWaitingForPause);
        x.Sent("Held by the shared pause").ShouldBe(0);
        waiting.Target().GetProperty("attemptCount").GetInt32().ShouldBe(0);
        await api.Database.EndBreakAsync(account);
        (await PostApi.WaitForAsync(owner.Client, post, "Published")).Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
    }

    private static Dictionary<string, string?> Worker(PlatformApp api) => new(BreakerProbe.Settings)
    {
        ["ConnectionStrings:Platform"] = api.Database.AppConnectionString,
        ["ConnectionStrings:Owner"] = api.Database.OwnerConnectionString,
        ["Redis:InstanceName"] = api.Database.Name + ":",
    };
}
