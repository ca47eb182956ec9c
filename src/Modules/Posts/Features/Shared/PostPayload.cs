using FluentValidation;

namespace Platform.Posts.Features.Shared;

/// <summary>
/// One media file: <c>{ "id": ... }</c> alone for an item of the tenant's library, or a public https URL with its kind,
/// content type, size and optional alt text and duration.
/// </summary>
internal sealed record MediaPayload(
    Guid? Id = null, string? Url = null, string? Kind = null, string? ContentType = null, long? SizeBytes = null, string? AltText = null, double? DurationSeconds = null)
{
    /// <summary>What the OpenAPI document says about <c>media</c> on create and update.</summary>
    public const string OpenApiDescription =
        "Each entry of `media` is either `{ \"id\": \"<media id>\" }` alone, an item of this tenant's library (POST /api/v1/media): " +
        "its kind, type, size, duration and alt text come from the library, and at publish time the platform is given a signed URL " +
        "on Media:PublicBaseUrl; or `{ \"url\", \"kind\", \"contentType\", \"sizeBytes\", \"altText\"?, \"durationSeconds\"? }` for a " +
        "public https file of your own. An id of another tenant's item or of a deleted one answers 422 (`mediaIds` lists them); " +
        "a library item a scheduled or publishing post uses cannot be deleted (409). A target may carry its own `media` " +
        "(`targets[i].media`, same shapes), sent to that account instead of the post's: a vertical video for TikTok, a square " +
        "image for Instagram; absent or empty sends the post's. Unknown ids there answer 422 naming `targets[i].media` in `errors`.";

    public bool IsLibraryItem => Id is not null;

    public bool HasOnlyId => Url is null && Kind is null && ContentType is null && SizeBytes is null && AltText is null && DurationSeconds is null;
}

/// <param name="AllowComments">TikTok: viewers may comment (off unless turned on, as TikTok's guidelines ask); likewise duets and stitches.</param>
/// <param name="Media">This target's own media, sent instead of the post's (a vertical video for TikTok, a square image for Instagram); absent or empty sends the post's.</param>
internal sealed record TargetPayload(
    Guid AccountId, string? CustomContent = null, string? Title = null, string? BoardId = null, string? Subreddit = null, string? PrivacyLevel = null,
    bool AllowComments = false, bool AllowDuets = false, bool AllowStitches = false, IReadOnlyList<MediaPayload>? Media = null);

/// <summary>The editable body of a post, shared by create and update.</summary>
internal sealed record PostPayload(
    string? Title, string? Content, string Type, IReadOnlyList<MediaPayload>? Media, string? Link, IReadOnlyList<TargetPayload> Targets)
{
    /// <summary>The ids of the library items among the media, the targets' own included.</summary>
    public IReadOnlyList<Guid> LibraryMediaIds =>
        (Media ?? []).Concat((Targets ?? []).SelectMany(t => t?.Media ?? [])).Where(m => m is { Id: not null }).Select(m => m.Id!.Value).Distinct().ToList();
}

internal sealed class PostPayloadValidator : AbstractValidator<PostPayload>
{
    public const int MaxContentLength = 63_206; // the longest any supported platform accepts (Facebook)
    public const int MaxMediaCount = 20;

    public PostPayloadValidator()
    {
        RuleFor(p => p.Title).MaximumLength(300);
        RuleFor(p => p.Content).MaximumLength(MaxContentLength);
        RuleFor(p => p.Type).NotEmpty().Must(type => Enum.TryParse<Data.PostType>(type, true, out _))
            .WithMessage("Type must be one of text, image, video, link, carousel.");
        RuleFor(p => p.Link).Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http"))
            .When(p => p.Link is not null).WithMessage("The link must be an absolute http(s) URL.");
        RuleFor(p => p.Media).Must(media => media is null || media.Count <= MaxMediaCount).WithMessage($"At most {MaxMediaCount} media items.");
        RuleForEach(p => p.Media).NotNull().WithMessage("A media item must not be null.").SetValidator(new MediaPayloadValidator());
        RuleFor(p => p.Targets).NotNull().Must(targets => targets.Count is >= 1 and <= 50).WithMessage("Choose between 1 and 50 target accounts.")
            .Must(targets => targets.All(t => t is not null)).WithMessage("A target must not be null.")
            .Must(targets => targets.Select(t => t.AccountId).Distinct().Count() == targets.Count).WithMessage("Each account may be targeted once.");
        RuleForEach(p => p.Targets).ChildRules(target =>
        {
            target.RuleFor(t => t.AccountId).NotEmpty();
            target.RuleFor(t => t.CustomContent).MaximumLength(MaxContentLength);
            target.RuleFor(t => t.Title).MaximumLength(300);
            target.RuleFor(t => t.BoardId).MaximumLength(100);
            target.RuleFor(t => t.Subreddit).MaximumLength(100);
            target.RuleFor(t => t.PrivacyLevel).MaximumLength(50);
            target.RuleFor(t => t.Media).Must(media => media is null || media.Count <= MaxMediaCount).WithMessage($"At most {MaxMediaCount} media items.");
            target.RuleForEach(t => t.Media).NotNull().WithMessage("A media item must not be null.").SetValidator(new MediaPayloadValidator());
        });
    }
}

/// <summary>One media entry, of the post or of a target: a library id alone, or a public https URL with its facts.</summary>
internal sealed class MediaPayloadValidator : AbstractValidator<MediaPayload>
{
    public MediaPayloadValidator()
    {
        RuleFor(m => m.Id).NotEqual(Guid.Empty).When(m => m.IsLibraryItem);
        RuleFor(m => m).Must(m => m.HasOnlyId).When(m => m.IsLibraryItem).OverridePropertyName("Id")
            .WithMessage("A library item is given by its id alone: its kind, type, size, duration and alt text come from the library.");
        When(m => !m.IsLibraryItem, () =>
        {
            RuleFor(m => m.Url).Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https")
                .WithMessage("Media URLs must be absolute https URLs the platforms can fetch.");
            RuleFor(m => m.Kind).Must(kind => kind is "image" or "video" or "gif").WithMessage("Kind must be image, video or gif.");
            RuleFor(m => m.ContentType).NotEmpty().MaximumLength(100);
            RuleFor(m => m.SizeBytes).NotNull().GreaterThan(0);
            RuleFor(m => m.AltText).MaximumLength(1000);
            RuleFor(m => m.DurationSeconds).Must(seconds => seconds is null || (double.IsFinite(seconds.Value) && seconds >= 0))
                .WithMessage("The duration must be a finite number of seconds, not negative.");
        });
    }
}
