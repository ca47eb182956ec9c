using System.Buffers.Text;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Security;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class TokenCipherTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());

    [Test]
    public void Encrypts_with_a_fresh_nonce_each_time_and_decrypts_back()
    {
        var cipher = Cipher(("a", KeyA));
        var account = Guid.NewGuid();

        var first = cipher.Encrypt("secret-token", account);
        var second = cipher.Encrypt("secret-token", account);

        first.ShouldNotBe(second);
        first.ShouldStartWith("v1.a.");
        first.ShouldNotContain("secret-token");
        Base64Url.DecodeFromChars(first.Split('.')[2]).Length.ShouldBe(12 + "secret-token".Length + 16);
        cipher.Decrypt(first, account).ShouldBe("secret-token");
        cipher.Decrypt(second, account).ShouldBe("secret-token");
    }

    [Test]
    public void A_tampered_ciphertext_fails_its_tag_check()
    {
        var cipher = Cipher(("a", KeyA));
        var account = Guid.NewGuid();
        var parts = cipher.Encrypt("secret-token", account).Split('.');
        var raw = Base64Url.DecodeFromChars(parts[2]);
        raw[14] ^= 0x01;

        Should.Throw<TokenDecryptionException>(() => cipher.Decrypt($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(raw)}", account));
        Should.Throw<TokenDecryptionException>(() => cipher.Decrypt($"{parts[0]}.{parts[1]}.{parts[2][..10]}", account));
        Should.Throw<TokenDecryptionException>(() => cipher.Decrypt("garbage", account));
    }

    [Test]
    public void A_ciphertext_copied_onto_another_account_does_not_decrypt()
    {
        var cipher = Cipher(("a", KeyA));
        var stolen = cipher.Encrypt("secret-token", Guid.NewGuid());

        Should.Throw<TokenDecryptionException>(() => cipher.Decrypt(stolen, Guid.NewGuid()));
    }

    [Test]
    public void After_rotation_old_ciphertexts_still_decrypt_and_new_ones_use_the_current_key()
    {
        var account = Guid.NewGuid();
        var old = Cipher(("a", KeyA)).Encrypt("secret-token", account);
        var rotated = Cipher(("a", KeyA), ("b", KeyB), current: "b");

        rotated.Decrypt(old, account).ShouldBe("secret-token");
        rotated.Encrypt("secret-token", account).ShouldStartWith("v1.b.");
        Should.Throw<TokenDecryptionException>(() => Cipher(("b", KeyB)).Decrypt(old, account)).Message.ShouldContain("'a'");
    }

    [Test]
    public void Without_configured_keys_there_is_no_fallback_key_and_bad_keys_are_refused()
    {
        Should.Throw<InvalidOperationException>(() => Cipher());
        Should.Throw<InvalidOperationException>(() => Cipher(("short", Convert.ToBase64String(new byte[16]))));
        Should.Throw<InvalidOperationException>(() => Cipher(("a", KeyA), current: "missing"));
    }

    private static TokenCipher Cipher(params (string Id, string Key)[] keys) => Cipher(keys, null);

    private static TokenCipher Cipher((string Id, string Key) key1, (string Id, string Key) key2, string current) => Cipher([key1, key2], current);

    private static TokenCipher Cipher((string Id, string Key) key, string current) => Cipher([key], current);

    private static TokenCipher Cipher((string Id, string Key)[] keys, string? current)
    {
        var options = new TokenEncryptionOptions { CurrentKeyId = current };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }
        return new TokenCipher(Options.Create(options));
    }
}
