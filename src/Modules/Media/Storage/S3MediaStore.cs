using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.Media.Storage;

/// <summary>
/// Any S3-compatible service through AWSSDK.S3. Objects are written with a plain Content-Length body, not aws-chunked
/// framing, which some S3-compatible servers store verbatim inside the object; downloads are SigV4 presigned GET URLs
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html); direct uploads are presigned PUT
/// URLs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html), checked afterwards with HEAD
/// and a ranged GET (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html,
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax).
/// </summary>
internal sealed class S3MediaStore(IAmazonS3 client, string bucket, bool useHttp) : IMediaStore, IDirectUploadStore
{
    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        content.Position = 0;
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);

    public Uri DownloadUrl(string key, DateTimeOffset expiresAt, HttpRequestContext request) =>
        new(client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = useHttp ? Protocol.HTTP : Protocol.HTTPS,
        }));

    public async Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
            return new StoredObject(response.ResponseStream, response.Headers.ContentType ?? "application/octet-stream");
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Uri UploadUrl(string key, DateTimeOffset expiresAt) =>
        new(client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = expiresAt.UtcDateTime,
            Protocol = useHttp ? Protocol.HTTP : Protocol.HTTPS,
        }));

    public async Task<long?> SizeOfAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<byte[]> ReadStartAsync(string key, int count, CancellationToken cancellationToken)
    {
        using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(0, count - 1) }, cancellationToken);
        var buffer = new byte[count];
        var read = await response.ResponseStream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, cancellationToken);
        return buffer[..read];
    }
}
