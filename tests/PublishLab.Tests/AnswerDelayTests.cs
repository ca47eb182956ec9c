using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.PlatformServers.Pinterest;
using Shouldly;

namespace Platform.PublishLab.Tests;

/// <summary>
/// A late answer is part of a server's fault plan: the accepting step commits, then holds its answer as long as the plan
/// says, so a client that gives up first leaves the post on the platform (the moment the reliability trials kill into).
/// </summary>
public sealed class AnswerDelayTests
{
    private PinterestServer server = null!;

    [SetUp]
    public async Task Start()
    {
        server = new PinterestServer();
        await server.StartAsync();
    }

    [TearDown]
    public async Task Stop() => await server.DisposeAsync();

    [Test]
    public async Task A_planned_delay_holds_the_answer_after_the_post_was_made()
    {
        server.Faults.DelayAnswers(step => step == PinterestServer.Steps.CreatePin ? TimeSpan.FromMinutes(5) : null);
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var giveUp = new CancellationTokenSource();

        var answer = client.SendAsync(PinRequest("held"), giveUp.Token);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (server.Pins.Count == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        server.Pins.ShouldHaveSingleItem().Description.ShouldBe("held");
        answer.IsCompleted.ShouldBeFalse("the pin exists, but its answer must still be held");
        await giveUp.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => answer);
    }

    [Test]
    public async Task Clearing_the_plan_answers_at_once_again()
    {
        server.Faults.DelayAnswers(_ => TimeSpan.FromSeconds(30)).Clear();

        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var answer = await impatient.SendAsync(PinRequest("prompt"));

        ((int)answer.StatusCode).ShouldBe(201);
    }

    private HttpRequestMessage PinRequest(string description)
    {
        var token = server.Grants.Issue("lab-user", ["boards:read", "boards:write", "pins:read", "pins:write"]);
        var board = server.Boards.Keys.First();
        return new HttpRequestMessage(HttpMethod.Post, server.Url + "/v5/pins")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken) },
            Content = JsonContent.Create(new { board_id = board, description, media_source = new { source_type = "image_url", url = "https://i.pinimg.com/lab.jpg" } }),
        };
    }
}
