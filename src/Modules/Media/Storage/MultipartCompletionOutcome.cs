namespace Platform.Media.Storage;

/// <summary>How the store answered the request to join a multipart upload's parts.</summary>
internal enum MultipartCompletionOutcome
{
    Completed,
    /// <summary>The store knows no such upload: completed or aborted already.</summary>
    NoSuchUpload,
    /// <summary>The store refused the parts (a wrong ETag, a missing part, a part too small).</summary>
    Refused,
}
