using Shouldly;

namespace Platform.PublishLab.Tests;

/// <summary>
/// One short reliability trial on all nine platforms at once (real host processes, one killed mid-trial): every target
/// settles, each platform's own server holds its post exactly once (media posts included: their media came from the
/// lab's https origin), and the report names every platform.
/// </summary>
[NonParallelizable]
public sealed class ReliabilityTrialTests
{
    [Test]
    public async Task One_trial_posts_on_all_nine_platforms_and_every_post_lands_once()
    {
        var held = new Dictionary<string, int>();

        var (exitCode, reports) = await ReliabilityCommand.RunAsync(1, 1, seed: 7, LabPlatform.Names, platforms =>
        {
            foreach (var platform in platforms)
            {
                held[platform.Name] = platform.Held().Count;
            }
            return Task.CompletedTask;
        });

        reports.Select(r => r.Platform).ShouldBe(["X", "Facebook", "LinkedIn", "Threads", "Reddit", "Instagram", "TikTok", "YouTube", "Pinterest"]);
        held.ShouldAllBe(h => h.Value == 1, $"posts held per platform: {string.Join(", ", held.Select(h => $"{h.Key} {h.Value}"))}");
        reports.ShouldAllBe(r => r.Targets == 1 && r.Duplicates == 0 && r.Losses == 0);
        reports.ShouldAllBe(r => r.Ledger.Published + r.Unconfirmed == 1);
        exitCode.ShouldBe(0);
    }
}
