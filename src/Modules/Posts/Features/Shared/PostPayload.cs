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
        "a library item a scheduled or publishing post uses cannot be deleted (409).";

    public bool IsLibraryItem => Id is not null;

    public bool HasOnlyId => Url is null && Kind is null && ContentType is null && SizeBytes is null && AltText is null && DurationSeconds is null;
}

/// <param name="AllowComments">TikTok: viewers may comment (off unless turned on, as TikTok's guidelines ask); likewise duets and stitches.</param>
internal sealed record TargetPayload(
    Guid AccountId, string? CustomContent = null, string? Title = null, string? BoardId = null, string? Subreddit = null, string? PrivacyLevel = null,
    bool AllowComments = false, bool AllowDuets = false, bool AllowStitches = false);

/// <summary>The editable body of a post, shared by create and update.</summary>
internal sealed record PostPayload(
    string? Title, string? Content, string Type, IReadOnlyList<MediaPayload>? Media, string? Link, IReadOnlyList<TargetPayload> Targets)
{
    /// <summary>The ids of the library items among the media.</summary>
    public IReadOnlyList<Guid> LibraryMediaIds => (Media ?? []).Where(m => m is { Id: not null }).Select(m => m.Id!.Value).Distinct().ToList();
}

internal sealed class PostPayloadValidator : AbstractValidator<PostPayload>
{
    public const int MaxContentLength = 63_206; // the longest any supported platform accepts (Facebook)

    public PostPayloadValidator()
    {
        RuleFor(p => p.Title).MaximumLength(300);
        RuleFor(p => p.Content).MaximumLength(MaxContentLength);
        RuleFor(p => p.Type).NotEmpty().Must(type => Enum.TryParse<Data.PostType>(type, true, out _))
            .WithMessage("Type must be one of text, image, video, link, carousel.");
        RuleFor(p => p.Link).Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http"))
            .When(p => p.Link is not null).WithMessage("The link must be an absolute http(s) URL.");
        RuleFor(p => p.Media).Must(media => media is null || media.Count <= 20).WithMessage("At most 20 media items.");
        RuleForEach(p => p.Media).NotNull().WithMessage("A media item must not be null.").ChildRules(media =>
        {
            media.RuleFor(m => m.Id).NotEqual(Guid.Empty).When(m => m.IsLibraryItem);
            media.RuleFor(m => m).Must(m => m.HasOnlyId).When(m => m.IsLibraryItem).OverridePropertyName("Id")
                .WithMessage("A library item is given by its id alone: its kind, type, size, duration and alt text come from the library.");
        }).ChildRules(media => media.When(m => !m.IsLibraryItem, () =>
        {
            media.RuleFor(m => m.Url).Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https")
                .WithMessage("Media URLs must be absolute https URLs the platforms can fetch.");
            media.RuleFor(m => m.Kind).Must(kind => kind is "image" or "video" or "gif").WithMessage("Kind must be image, video or gif.");
            media.RuleFor(m => m.ContentType).NotEmpty().MaximumLength(100);
            media.RuleFor(m => m.SizeBytes).NotNull().GreaterThan(0);
            media.RuleFor(m => m.AltText).MaximumLength(1000);
            media.RuleFor(m => m.DurationSeconds).Must(seconds => seconds is null || (double.IsFinite(seconds.Value) && seconds >= 0))
                .WithMessage("The duration must be a finite number of seconds, not negative.");
        }));
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
        });
    }
}
