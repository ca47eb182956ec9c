namespace Platform.Posts.Contracts;

/// <summary>A post to save as a draft: the body of <c>POST /api/v1/posts</c> without media.</summary>
/// <param name="Type">text, image, video, link or carousel.</param>
public sealed record PostDraft(string? Title, string? Content, string Type, string? Link, IReadOnlyList<PostDraftTarget> Targets);
