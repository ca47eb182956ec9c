using Microsoft.Extensions.Options;
using Platform.Media.Contracts;

namespace Platform.Media;

/// <summary>Refuses start-up on media settings that would accept nothing, or everything.</summary>
internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        var failures = new List<string>();
        foreach (var kind in Enum.GetValues<MediaKind>())
        {
            if (options.MaxBytesFor(kind) is < 1 or > 5L << 30)
            {
                failures.Add($"Media:MaxBytes:{kind} must be between 1 and 5368709120.");
            }
        }
        if (options.MaxFiles < 0)
        {
            failures.Add("Media:MaxFiles must not be negative.");
        }
        if (options.MaxImagePixels < 1)
        {
            failures.Add("Media:MaxImagePixels must be positive.");
        }
        if (options.MaxConcurrentInspections is < 1 or > 256)
        {
            failures.Add("Media:MaxConcurrentInspections must be between 1 and 256.");
        }
        if (options.MaxConcurrentUploadUnitsOfWork is < 1 or > 256)
        {
            failures.Add("Media:MaxConcurrentUploadUnitsOfWork must be between 1 and 256.");
        }
        if (options.ThumbnailMaxSide is < 16 or > 4096)
        {
            failures.Add("Media:ThumbnailMaxSide must be between 16 and 4096.");
        }
        if (options.DownloadUrlLifetime < TimeSpan.FromSeconds(1) || options.DownloadUrlLifetime > TimeSpan.FromDays(7))
        {
            // Seven days is also the longest a SigV4 presigned URL may live.
            failures.Add("Media:DownloadUrlLifetime must be between 00:00:01 and 7.00:00:00.");
        }
        if (!IsPublicBaseUrl(options.PublicBaseUrl))
        {
            failures.Add("Media:PublicBaseUrl must be the absolute http(s) address platforms reach this API on, without query or fragment.");
        }
        if (options.PublishUrlLifetime < TimeSpan.FromMinutes(5) || options.PublishUrlLifetime > TimeSpan.FromDays(7))
        {
            failures.Add("Media:PublishUrlLifetime must be between 00:05:00 and 7.00:00:00.");
        }
        if (options.DirectUploadLifetime < TimeSpan.FromMinutes(1) || options.DirectUploadLifetime > TimeSpan.FromDays(7))
        {
            failures.Add("Media:DirectUploadLifetime must be between 00:01:00 and 7.00:00:00.");
        }
        var uploads = options.Uploads;
        if (uploads.PartSizeBytes is < DirectUploadOptions.MinPartBytes or > DirectUploadOptions.MaxPartBytes)
        {
            failures.Add($"Media:Uploads:PartSizeBytes must be between {DirectUploadOptions.MinPartBytes} and {DirectUploadOptions.MaxPartBytes}.");
        }
        else if (uploads.PartCount(options.MaxBytes.Values.DefaultIfEmpty(1).Max()) > DirectUploadOptions.MaxParts)
        {
            failures.Add($"Media:Uploads:PartSizeBytes is too small: the largest file would need more than {DirectUploadOptions.MaxParts} parts.");
        }
        if (uploads.MultipartThresholdBytes < uploads.PartSizeBytes)
        {
            failures.Add("Media:Uploads:MultipartThresholdBytes must be at least Media:Uploads:PartSizeBytes, so a multipart upload has parts of that size.");
        }
        if (uploads.AbandonedAfter <= options.DirectUploadLifetime || uploads.AbandonedAfter > TimeSpan.FromDays(30))
        {
            // Longer than the URLs live, so a client still sending or completing in time is never swept.
            failures.Add("Media:Uploads:AbandonedAfter must be longer than Media:DirectUploadLifetime and at most 30.00:00:00.");
        }
        var s3 = options.S3;
        if (s3.IsConfigured && string.IsNullOrWhiteSpace(s3.ServiceUrl) && string.IsNullOrWhiteSpace(s3.Region))
        {
            failures.Add("Media:S3:Bucket is set, so Media:S3:ServiceUrl or Media:S3:Region must be set too.");
        }
        if (s3.IsConfigured && !string.IsNullOrWhiteSpace(s3.ServiceUrl) && !Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out _))
        {
            failures.Add("Media:S3:ServiceUrl must be an absolute URL.");
        }
        if (string.IsNullOrWhiteSpace(s3.AccessKey) != string.IsNullOrWhiteSpace(s3.SecretKey))
        {
            failures.Add("Media:S3:AccessKey and Media:S3:SecretKey go together: set both or neither.");
        }
        if (!string.IsNullOrEmpty(options.Local.SigningKey) && !IsKey(options.Local.SigningKey))
        {
            failures.Add("Media:Local:SigningKey must be base64 of at least 32 bytes.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPublicBaseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) &&
        string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) && string.IsNullOrEmpty(url.UserInfo);

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= 32;
    }
}
