using System.Net.Http.Headers;
using Platform.PlatformServers.Meta;
using Platform.PlatformServers.Reddit;
using Shouldly;

namespace Platform.PublishLab.Tests;

/// <summary>
/// A short reliability run on Reddit and Threads (real host processes killed with SIGKILL, the documented servers):
/// each platform gets its own figures, counted from what its server holds, and a post planted on Reddit after the run
/// (the same text submitted again through Reddit's API, as a second send would) is counted as Reddit's duplicate only.
/// </summary>
[NonParallelizable]
public sealed class PlatformReportTests
{
    [Test]
    public async Task Each_platform_is_reported_from_its_own_server_and_a_planted_duplicate_is_counted_there()
    {
        string? planted = null;
        Dictionary<string, int> heldExtra = [];
        var (exitCode, reports) = await ReliabilityCommand.RunAsync(trials: 1, postsPerTrial: 2, seed: 7, ["Reddit", "Threads"], async platforms =>
        {
            var reddit = (RedditServer)platforms.Single(p => p.Name == "Reddit").Server;
            planted = reddit.Posts[0].Text!;
            await SubmitAgainAsync(reddit, planted);
            heldExtra["Reddit"] = ExtraCopies(reddit.Posts.Select(p => p.Text ?? ""));
            heldExtra["Threads"] = ExtraCopies(((ThreadsServer)platforms.Single(p => p.Name == "Threads").Server).Threads.Select(t => t.Text ?? ""));
        });

        reports.Select(r => r.Platform).ShouldBe(["Reddit", "Threads"]);
        reports.ShouldAllBe(r => r.Trials == 1 && r.Targets == 2);
        var reddit = reports.Single(r => r.Platform == "Reddit");
        reddit.Ledger.Duplicates.ShouldContain(d => d.Text == planted && d.Sends >= 2);
        reddit.Duplicates.ShouldBe(heldExtra["Reddit"]);
        reports.Single(r => r.Platform == "Threads").Duplicates.ShouldBe(heldExtra["Threads"]);
        reports.Single(r => r.Platform == "Threads").Ledger.Duplicates.ShouldNotContain(d => d.Text == planted);
        exitCode.ShouldBe(1, "a duplicate fails the run");
    }

    /// <summary>Copies beyond the first of each text the server holds.</summary>
    private static int ExtraCopies(IEnumerable<string> texts) => texts.GroupBy(t => t).Sum(g => g.Count() - 1);

    /// <summary>
    /// POST /api/submit as https://www.reddit.com/dev/api#POST_api_submit documents it (form: kind=self, sr, title, text,
    /// api_type=json), with a token the server issued and the User-Agent https://github.com/reddit-archive/reddit/wiki/API asks for.
    /// </summary>
    private static async Task SubmitAgainAsync(RedditServer reddit, string text)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, reddit.Url + "/api/submit")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["kind"] = "self", ["sr"] = "test", ["title"] = "Planted", ["text"] = text, ["api_type"] = "json",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", reddit.Grants.Tokens.OrderBy(t => t.ExpiresAt).Last().AccessToken);
        request.Headers.UserAgent.ParseAdd("test:publish-lab-tests:v1 (by /u/publish_lab)");
        using var answer = await http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
    }
}
