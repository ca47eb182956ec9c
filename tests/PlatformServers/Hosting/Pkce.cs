using System.Security.Cryptography;
using System.Text;

namespace Platform.PlatformServers.Hosting;

/// <summary>PKCE as RFC 7636 section 4.2 defines it: S256 challenge = BASE64URL(SHA256(ASCII(code_verifier))), unpadded.</summary>
public static class Pkce
{
    public static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
