namespace Platform.Media.Storage;

/// <summary>The store's answer to completing a multipart upload, with its reason when it refused.</summary>
internal sealed record MultipartCompletion(MultipartCompletionOutcome Outcome, string? Reason = null);
