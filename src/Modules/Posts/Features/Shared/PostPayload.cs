using FluentValidation;

namespace Platform.Posts.Features.Shared;

internal sealed record MediaPayload(string Url, string Kind, string ContentType, long SizeBytes, string? AltText = null, double? DurationSeconds = null);

/// <param name="AllowComments">TikTok: viewers may comment (off unless turned on, as TikTok's guidelines ask); likewise duets and stitches.</param>
internal sealed record TargetPayload(
    Guid AccountId, string? CustomContent = null, string? Title = null, string? BoardId = null, string? Subreddit = null, string? PrivacyLevel = null,
    bool AllowComments = false, bool AllowDuets = false, bool AllowStitches = false);

/// <summary>The editable body of a post, shared by create and update.</summary>
internal sealed record PostPayload(
    string? Title, string? Content, string Type, IReadOnlyList<MediaPayload>? Media, string? Link, IReadOnlyList<TargetPayload> Targets);

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
            media.RuleFor(m => m.Url).Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https")
                .WithMessage("Media URLs must be absolute https URLs the platforms can fetch.");
            media.RuleFor(m => m.Kind).Must(kind => kind is "image" or "video" or "gif").WithMessage("Kind must be image, video or gif.");
            media.RuleFor(m => m.ContentType).NotEmpty().MaximumLength(100);
            media.RuleFor(m => m.SizeBytes).GreaterThan(0);
            media.RuleFor(m => m.AltText).MaximumLength(1000);
            media.RuleFor(m => m.DurationSeconds).Must(seconds => seconds is null || (double.IsFinite(seconds.Value) && seconds >= 0))
                .WithMessage("The duration must be a finite number of seconds, not negative.");
        });
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
