using System.Globalization;

namespace Platform.Media.Storage;

/// <summary>URLs of the host's signed file endpoint: whoever holds one reads exactly one object until it expires.</summary>
internal sealed class SignedFileUrls(LocalUrlSigner signer)
{
    public const string Path = "/api/v1/media/files";

    /// <param name="baseAddress">Scheme, host and path base the URL starts with (no trailing slash needed).</param>
    public Uri For(string key, DateTimeOffset expiresAt, string baseAddress)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        var query = $"key={Uri.EscapeDataString(key)}&expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={signer.Sign(key, expires)}";
        return new Uri($"{baseAddress.TrimEnd('/')}{Path}?{query}");
    }
}
