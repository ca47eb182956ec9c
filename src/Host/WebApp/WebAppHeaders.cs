namespace Platform.Host.WebApp;

/// <summary>The headers the web app's files are answered with.</summary>
internal static class WebAppHeaders
{
    /// <summary>
    /// The app loads its scripts, styles and images from its own origin and talks only to the API beside it; nothing
    /// inline, nothing framed, no plugins (https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Vite names every built asset after a hash of its content, so a name never changes meaning.</summary>
    public const string HashedAssetCaching = "public, max-age=31536000, immutable";

    /// <summary>index.html (and other unhashed files) are revalidated on every load, so a new build is picked up at once.</summary>
    public const string RevalidateEveryTime = "no-cache";

    /// <summary>The folder Vite writes hashed assets to (build.assetsDir, https://vite.dev/config/build-options#build-assetsdir).</summary>
    public const string HashedAssetsFolder = "/assets";

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = context.Request.Path.StartsWithSegments(HashedAssetsFolder) ? HashedAssetCaching : RevalidateEveryTime;
    }
}
