using Shouldly;

namespace Platform.PublishLab.Tests;

/// <summary>
/// One short reliability trial on all nine platforms at once (real host processes, one killed mid-trial): every target
/// settles, published or left unconfirmed for the user (never failed: a media post whose media the platform or the host
/// could not fetch from the lab's https origin would fail and count as a loss), no platform holds a post twice, and the
/// report names every platform.
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
        var figures = string.Join("; ", reports.Select(r => r.Line()));
        held.Count.ShouldBe(9);
        held.ShouldAllBe(h => h.Value <= 1, figures);
        reports.ShouldAllBe(r => r.Targets == 1 && r.Duplicates == 0 && r.Losses == 0, figures);
        reports.ShouldAllBe(r => r.Ledger.Published + r.Unconfirmed == 1, figures);
        exitCode.ShouldBe(0);
    }
}
