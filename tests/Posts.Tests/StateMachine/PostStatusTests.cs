using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

public sealed class PostStatusTests
{
    private static PostTarget Settled(TargetStatus status) => New(status, attempts: 1);

    [Test]
    public void Every_target_published_is_a_published_post() =>
        Post.StatusOf([Settled(TargetStatus.Published), Settled(TargetStatus.Published)]).ShouldBe(PostStatus.Published);

    [Test]
    public void Some_published_and_the_rest_failed_or_unconfirmed_is_partially_published() =>
        Post.StatusOf([Settled(TargetStatus.Published), Settled(TargetStatus.Failed), Settled(TargetStatus.Unconfirmed)])
            .ShouldBe(PostStatus.PartiallyPublished);

    [Test]
    public void None_published_is_a_failed_post() =>
        Post.StatusOf([Settled(TargetStatus.Failed), Settled(TargetStatus.Unconfirmed)]).ShouldBe(PostStatus.Failed);

    [TestCase(TargetStatus.Pending)]
    [TestCase(TargetStatus.Publishing)]
    public void Any_target_still_on_its_way_keeps_the_post_publishing(TargetStatus status) =>
        Post.StatusOf([Settled(TargetStatus.Published), New(status, attempts: 1)]).ShouldBe(PostStatus.Publishing);

    [Test]
    public void An_unconfirmed_target_with_an_attempt_ahead_keeps_the_post_publishing() =>
        Post.StatusOf([Settled(TargetStatus.Failed), New(TargetStatus.Unconfirmed, attempts: 1, nextAttemptAt: Now)]).ShouldBe(PostStatus.Publishing);

    [Test]
    public void Deriving_a_published_post_stamps_its_first_publication_only()
    {
        var post = new Post { Status = PostStatus.Publishing };

        post.Derive([Settled(TargetStatus.Published), Settled(TargetStatus.Failed)], Now);
        post.Derive([Settled(TargetStatus.Published), Settled(TargetStatus.Published)], Now.AddHours(1));

        post.Status.ShouldBe(PostStatus.Published);
        post.PublishedAt.ShouldBe(Now);
        post.UpdatedAt.ShouldBe(Now.AddHours(1));
    }

    [Test]
    public void Deriving_a_failed_post_leaves_it_unpublished()
    {
        var post = new Post { Status = PostStatus.Publishing };

        post.Derive([Settled(TargetStatus.Failed)], Now);

        post.Status.ShouldBe(PostStatus.Failed);
        post.PublishedAt.ShouldBeNull();
    }

    [Test]
    public void A_scheduled_post_starts_publishing_with_its_first_attempt()
    {
        var post = new Post { Status = PostStatus.Scheduled };

        post.StartPublishing(Now);

        post.Status.ShouldBe(PostStatus.Publishing);
        post.UpdatedAt.ShouldBe(Now);
    }

    [Test]
    public void A_post_already_settled_in_part_is_not_moved_back_by_another_targets_attempt()
    {
        var post = new Post { Status = PostStatus.PartiallyPublished, UpdatedAt = Now.AddDays(-1) };

        post.StartPublishing(Now);

        post.Status.ShouldBe(PostStatus.PartiallyPublished);
        post.UpdatedAt.ShouldBe(Now.AddDays(-1));
    }

    [Test]
    public void A_post_reopened_for_a_manual_retry_is_publishing()
    {
        var post = new Post { Status = PostStatus.Failed };

        post.ReopenForRetry(Now);

        post.Status.ShouldBe(PostStatus.Publishing);
        post.UpdatedAt.ShouldBe(Now);
    }
}
