using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Platform.TestKit;

namespace Platform.Media.Tests;

/// <summary>Where a test host keeps its objects: the S3-compatible server scripts/services.sh starts, or a local folder.</summary>
public enum StoreKind
{
    S3,
    LocalDisk,
}

/// <summary>The real host with small limits (images up to 150 kB; the free plan 200 kB and 3 files) and the chosen store.</summary>
internal sealed class MediaApp : PlatformApp
{
    public const long ImageLimit = 150_000;
    public const long QuotaBytes = 200_000;
    public const int QuotaFiles = 3;
    public const string Bucket = "media";

    private MediaApp(StoreKind store, string localRoot, IDictionary<string, string?> settings) : base(settings)
    {
        Store = store;
        LocalRoot = localRoot;
    }

    public StoreKind Store { get; }
    public string LocalRoot { get; }

    public static string S3ServiceUrl => $"http://127.0.0.1:{Environment.GetEnvironmentVariable("PLATFORM_S3_PORT") ?? "56390"}";

    /// <param name="overrides">Settings over these defaults.</param>
    public static MediaApp Start(StoreKind store, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var localRoot = Path.Combine(Path.GetTempPath(), "platform-media-tests-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Media:MaxBytes:Image"] = ImageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Billing:Plans:free:MediaStorageBytes"] = QuotaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Media:MaxFiles"] = QuotaFiles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Media:Local:Root"] = localRoot,
        };
        if (store == StoreKind.S3)
        {
            settings["Media:S3:ServiceUrl"] = S3ServiceUrl;
            settings["Media:S3:Bucket"] = Bucket;
            settings["Media:S3:Region"] = "us-east-1";
            settings["Media:S3:ForcePathStyle"] = "true";
            // s3rver's documented default credentials (https://github.com/jamhall/s3rver#supported-methods).
            settings["Media:S3:AccessKey"] = "S3RVER";
            settings["Media:S3:SecretKey"] = "S3RVER";
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new MediaApp(store, localRoot, settings);
    }

    /// <summary>Every object key stored for <paramref name="tenantId"/>, read from the store itself.</summary>
    public async Task<List<string>> ObjectKeysAsync(Guid tenantId)
    {
        var prefix = $"tenants/{tenantId:N}/";
        if (Store == StoreKind.LocalDisk)
        {
            var folder = Path.Combine(LocalRoot, prefix);
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(LocalRoot, f).Replace('\\', '/')).ToList()
                : [];
        }
        using var client = S3Client();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return (listed.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    public static AmazonS3Client S3Client() =>
        new(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config { ServiceURL = S3ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    /// <summary>Reads a download URL handed out by the API: S3 URLs straight from the server, local ones through the host.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(string url)
    {
        if (Store == StoreKind.S3)
        {
            using var plain = new HttpClient();
            return await plain.GetAsync(url);
        }
        using var anonymous = CreateClient();
        return await anonymous.GetAsync(new Uri(url).PathAndQuery);
    }

    public static MultipartFormDataContent Form(byte[] bytes, string fileName = "photo.png", string declaredType = "image/png", string? altText = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        form.Add(file, "file", fileName);
        if (altText is not null)
        {
            form.Add(new StringContent(altText), "altText");
        }
        return form;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(LocalRoot))
        {
            Directory.Delete(LocalRoot, recursive: true);
        }
    }
}
