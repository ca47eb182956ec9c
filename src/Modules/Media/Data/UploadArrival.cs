namespace Platform.Media.Data;

/// <summary>What completing a direct upload finds, before a byte of it is read.</summary>
internal enum UploadArrival
{
    Arrived,
    /// <summary>No object under the key yet: the client has not sent it (it may still, until the URL expires).</summary>
    NotSent,
    /// <summary>The object's size is not the size declared when the URL was asked for.</summary>
    SizeDiffers,
    /// <summary>The URL has expired: the upload is over, whatever was sent.</summary>
    Expired,
}
