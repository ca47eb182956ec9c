using Platform.Media.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Shouldly;
using SocialMediaKind = Platform.SocialAccounts.Contracts.MediaKind;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>A library item travels as a reference until the publisher swaps it for a signed URL and the item's current facts.</summary>
public sealed class LibraryMediaResolutionTests
{
    private static readonly LibraryMedia Dot = new(Guid.NewGuid(), MediaKind.Image, "image/png", 70, null, "A red dot");

    [Test]
    public void A_library_item_reaches_the_content_rules_with_its_facts_and_no_url_yet()
    {
        var post = new Post { Content = "Hi", Media = [PostMedia.FromLibrary(Dot)] };
        var target = new PostTarget { Platform = "x" };

        var item = PostContentFactory.For(post, target).MediaItems.ShouldHaveSingleItem();

        item.Kind.ShouldBe(SocialMediaKind.Image);
        item.SizeBytes.ShouldBe(70);
        item.AltText.ShouldBe("A red dot");
        LibraryMediaReference.TryParse(item.Url, out var id).ShouldBeTrue();
        id.ShouldBe(Dot.Id);
    }

    [Test]
    public async Task The_publisher_swaps_references_for_signed_urls_and_the_items_alt_text_as_it_is_now()
    {
        var signed = new Uri("https://api.example.com/api/v1/media/files?key=k&expires=1&signature=s");
        var library = new Library(new PublishableMedia(Dot with { AltText = "Changed since" }, signed, DateTimeOffset.UnixEpoch));
        var post = new Post { Content = "Hi", Media = [PostMedia.FromLibrary(Dot), new PostMedia("https://cdn.example.com/a.png", "image", "image/png", 5)] };

        var (content, missing) = await LibraryMediaResolution.ResolveAsync(library, PostContentFactory.For(post, new PostTarget { Platform = "x" }), CancellationToken.None);

        missing.ShouldBeEmpty();
        content.MediaItems.Select(m => m.Url).ShouldBe([signed.AbsoluteUri, "https://cdn.example.com/a.png"]);
        content.MediaItems[0].AltText.ShouldBe("Changed since");
    }

    [Test]
    public async Task An_item_gone_from_the_library_is_reported_instead_of_sent()
    {
        var post = new Post { Content = "Hi", Media = [PostMedia.FromLibrary(Dot)] };

        var (_, missing) = await LibraryMediaResolution.ResolveAsync(new Library(), PostContentFactory.For(post, new PostTarget { Platform = "x" }), CancellationToken.None);

        missing.ShouldBe([Dot.Id]);
    }

    /// <summary>The library's answers, fixed for the test: the publisher's side of the contract is what is under test.</summary>
    private sealed class Library(params PublishableMedia[] items) : IMediaLibrary
    {
        public Task<IReadOnlyDictionary<Guid, LibraryMedia>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, LibraryMedia>>(items.Where(i => ids.Contains(i.Item.Id)).ToDictionary(i => i.Item.Id, i => i.Item));

        public Task<IReadOnlyDictionary<Guid, PublishableMedia>> ResolveForPublishingAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, PublishableMedia>>(items.Where(i => ids.Contains(i.Item.Id)).ToDictionary(i => i.Item.Id));

        public Task<LibraryMedia> StoreAsync(byte[] content, string? altText, Guid createdBy, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Publishing never stores media.");
    }
}
