using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Platform.PlatformServers.Hosting;

/// <summary>
/// How the servers fetch media at a URL a request names, as the platforms do before they accept a post ("We cURL media
/// used in publishing attempts, so the media must be hosted on a publicly accessible server":
/// https://developers.facebook.com/docs/instagram-platform/content-publishing/#requirements; Threads and Facebook Pages
/// take media the same way: https://developers.facebook.com/docs/threads/posts,
/// https://developers.facebook.com/docs/pages-api/posts). Real platforms fetch from public hosts whose certificates chain
/// to public roots; a local media origin has a self-signed certificate, which whoever runs it trusts here explicitly
/// (and only for these fetches). A wrong host name or a missing certificate stays refused, as a platform refuses it.
/// </summary>
public static class MediaFetcher
{
    private static readonly X509Certificate2Collection TrustedRoots = [];

    public static HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate },
    })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Certificates chaining to <paramref name="root"/> are accepted from now on, besides the system's roots.</summary>
    public static void Trust(X509Certificate2 root)
    {
        lock (TrustedRoots)
        {
            TrustedRoots.Add(root);
        }
    }

    private static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        // Only an untrusted chain may be saved by a trusted root: a wrong name or no certificate stays refused.
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        lock (TrustedRoots)
        {
            custom.ChainPolicy.CustomTrustStore.AddRange(TrustedRoots);
        }
        using var presented = new X509Certificate2(certificate);
        return custom.Build(presented);
    }
}
