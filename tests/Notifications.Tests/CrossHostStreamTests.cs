using System.Diagnostics;
using Platform.Posts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>Two hosts on one database and Redis, as in production; and a host stopping under an open stream.</summary>
public sealed class CrossHostStreamTests
{
    [Test]
    public async Task An_event_handled_on_one_host_reaches_a_client_connected_to_another()
    {
        await using var handling = StreamHost.Start();
        var owner = await handling.RegisterAsync();
        // The second host delivers no outbox rows: whatever its client sees was handled by the first.
        var settings = StreamHost.SameDeployment(handling);
        settings["Outbox:ProcessorEnabled"] = "false";
        await using var serving = StreamHost.Start(settings);
        using var client = serving.CreateClient(owner.AccessToken);
        await using var stream = await LiveStream.OpenAsync(client);
        var failed = LiveStreamTests.PostFailed(owner.TenantId, TargetStatus.Failed);

        await handling.RaiseAsync(failed);

        await stream.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == failed.PostId);
        await stream.WaitForAsync("notification", data => data.GetProperty("kind").GetString() == "PostFailed");
    }

    [Test]
    public async Task Stopping_the_host_ends_an_open_stream_promptly()
    {
        var app = StreamHost.Start();
        var owner = await app.RegisterAsync();
        var stream = await LiveStream.OpenAsync(owner.Client);
        var watch = Stopwatch.StartNew();

        var stopping = app.DisposeAsync().AsTask();
        var ended = await Task.WhenAny(stream.Ended, Task.Delay(TimeSpan.FromSeconds(10)));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        ended.ShouldBe(stream.Ended, "the stream should end when the host stops");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        await stream.DisposeAsync();
    }
}
