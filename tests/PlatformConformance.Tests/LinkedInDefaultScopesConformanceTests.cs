using Platform.PlatformServers.LinkedIn;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// LinkedIn with the default scopes (<c>openid profile w_member_social</c>): the posts finder needs
/// <c>r_member_social</c> ("Permissions", https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api),
/// so a post whose answer was lost cannot be looked for and must be left to a person, never posted again blind.
/// </summary>
public sealed class LinkedInDefaultScopesConformanceTests : ConformanceFixture<LinkedInServer>
{
    private protected override SocialPlatform Platform => SocialPlatform.LinkedIn;

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_create_post_is_unknowable_with_a_reason_and_not_posted_again(LostAnswer how)
    {
        var text = Unique("LinkedIn lost answer, default scopes");
        var journal = new PublishJournal();
        Server.Faults.LoseAnswerAfterAccept(LinkedInServer.Steps.CreatePost, how);

        await PublishLosingTheAnswerAsync(new PostContent(text), journal);
        var retry = await RetryAsTheEngineDoesAsync(new PostContent(text), DateTimeOffset.UtcNow.AddMinutes(-1), journal);

        retry.Kind.ShouldBe(ReconcileKind.Unknowable);
        retry.Reason!.ShouldContain("r_member_social");
        Server.Posts.Count(p => p.Commentary == text).ShouldBe(1);
    }

    [Test]
    public async Task After_a_5xx_on_create_post_the_next_attempt_is_left_to_a_person_too()
    {
        var text = Unique("LinkedIn 5xx, default scopes");
        var journal = new PublishJournal();
        Server.Faults.FailWithServerError(LinkedInServer.Steps.CreatePost);

        await Should.ThrowAsync<PlatformException>(() => PublishAsync(new PostContent(text), journal));
        var retry = await RetryAsTheEngineDoesAsync(new PostContent(text), DateTimeOffset.UtcNow.AddMinutes(-1), journal);

        retry.Kind.ShouldBe(ReconcileKind.Unknowable);
        Server.Posts.Count(p => p.Commentary == text).ShouldBe(0);
    }
}
