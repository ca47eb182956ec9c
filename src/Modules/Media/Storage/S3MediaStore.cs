using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.Media.Storage;

/// <summary>
/// Any S3-compatible service through AWSSDK.S3. Objects are written with a plain Content-Length body, not aws-chunked
/// framing, which some S3-compatible servers store verbatim inside the object; downloads are SigV4 presigned GET URLs
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html); direct uploads are presigned PUT
/// URLs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html), checked afterwards with HEAD
/// and a ranged GET (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html,
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax). Large files are multipart
/// uploads (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html): started here, each part sent by the client
/// to a presigned UploadPart URL, then completed or aborted here.
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

    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html
    public async Task<string> StartMultipartAsync(string key, CancellationToken cancellationToken) =>
        (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken)).UploadId;

    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html: PUT ?partNumber=N&uploadId=ID, presigned.
    public Uri PartUploadUrl(string key, string uploadId, int partNumber, DateTimeOffset expiresAt) =>
        new(client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            UploadId = uploadId,
            PartNumber = partNumber,
            Expires = expiresAt.UtcDateTime,
            Protocol = useHttp ? Protocol.HTTP : Protocol.HTTPS,
        }));

    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html: NoSuchUpload (404) once completed or
    // aborted; InvalidPart, InvalidPartOrder and EntityTooSmall (400) when the parts are not what was sent.
    public async Task<MultipartCompletion> CompleteMultipartAsync(string key, string uploadId, IReadOnlyList<SentPart> parts, CancellationToken cancellationToken)
    {
        try
        {
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = parts.OrderBy(p => p.PartNumber).Select(p => new PartETag(p.PartNumber, p.ETag)).ToList(),
            }, cancellationToken);
            return new MultipartCompletion(MultipartCompletionOutcome.Completed);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return new MultipartCompletion(MultipartCompletionOutcome.NoSuchUpload);
        }
        catch (AmazonS3Exception refused) when ((int)refused.StatusCode is >= 400 and < 500)
        {
            return new MultipartCompletion(MultipartCompletionOutcome.Refused, $"{refused.ErrorCode}: {refused.Message}");
        }
    }

    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html: NoSuchUpload (404) when already gone.
    public async Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, cancellationToken);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }
}
