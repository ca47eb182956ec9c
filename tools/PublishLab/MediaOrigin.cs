using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.PlatformServers.Hosting;

namespace Platform.PublishLab;

/// <summary>
/// Where the lab's posts keep their media: https on 127.0.0.1 (the API takes media only at https URLs) with a
/// certificate made for this run. The hosts trust it through <c>SSL_CERT_FILE</c> (they download videos to upload them),
/// the platform servers through <see cref="MediaFetcher"/> (they fetch images before accepting a post).
/// </summary>
internal sealed class MediaOrigin : IAsyncDisposable
{
    private readonly WebApplication app;

    private MediaOrigin(WebApplication app, string url, string certificateFile)
    {
        this.app = app;
        Url = url;
        CertificateFile = certificateFile;
    }

    public string Url { get; }

    /// <summary>The certificate in PEM, the only root a host of the run needs (it talks to nothing else over TLS).</summary>
    public string CertificateFile { get; }

    public static readonly byte[] Image = LabMediaFiles.Jpeg();
    public static readonly byte[] Video = LabMediaFiles.Mp4();

    public string ImageUrl => Url + "/lab.jpg";

    public string VideoUrl => Url + "/lab.mp4";

    public static async Task<MediaOrigin> StartAsync(string directory)
    {
        var certificate = Certificate();
        var certificateFile = Path.Combine(directory, "media-origin.pem");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem());
        MediaFetcher.Trust(X509CertificateLoader.LoadCertificate(certificate.RawData));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/lab.jpg", () => Results.Bytes(Image, "image/jpeg"));
        app.MapGet("/lab.mp4", () => Results.Bytes(Video, "video/mp4"));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new MediaOrigin(app, $"https://127.0.0.1:{address.Port}", certificateFile);
    }

    /// <summary>A self-signed certificate for 127.0.0.1, valid for the day, marked as its own authority so it can be a trust root.</summary>
    private static X509Certificate2 Certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
