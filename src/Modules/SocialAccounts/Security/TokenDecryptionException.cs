namespace Platform.SocialAccounts.Security;

/// <summary>Thrown when a stored token cannot be decrypted: tampered, truncated or under an unknown key.</summary>
internal sealed class TokenDecryptionException(string message, Exception? inner = null) : Exception(message, inner);
