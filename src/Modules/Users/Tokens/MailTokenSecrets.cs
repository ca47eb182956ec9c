using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Security;
using Platform.Users.Contracts;
using Platform.Users.Data;

namespace Platform.Users.Tokens;

/// <summary>
/// The secrets of mailed link tokens: HMAC-SHA256 of the token's kind and ids under a key derived (HKDF) from the
/// signing key, so a mail can be written after the request without any token stored. Rotating the signing key voids
/// outstanding links, which is what a rotation is for.
/// </summary>
internal sealed class MailTokenSecrets(IOptions<JwtOptions> jwt) : IMailLinkTokens
{
    private readonly byte[] key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.SigningKey), LinkToken.SecretBytes, info: "platform mail link tokens"u8.ToArray());

    public byte[] Secret(string kind, Guid tenantId, Guid id) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{kind}.{tenantId:N}.{id:N}"));

    public string InvitationToken(Guid tenantId, Guid invitationId) => Data.InvitationToken.For(tenantId, invitationId, this).Encode();

    public string PasswordResetToken(Guid tenantId, Guid resetId) => Data.PasswordResetToken.For(tenantId, resetId, this).Encode();

    public string EmailVerificationToken(Guid tenantId, Guid verificationId) =>
        Data.EmailVerificationToken.For(tenantId, verificationId, this).Encode();
}
