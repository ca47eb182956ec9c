using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Users.Data;

namespace Platform.Users.Mfa;

/// <summary>One-time recovery codes: shown once, stored as SHA-256 hashes, each usable once.</summary>
internal sealed class RecoveryCodes(UsersDbContext db, TimeProvider clock)
{
    private const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public async Task<IReadOnlyList<string>> ReplaceAsync(User user, CancellationToken cancellationToken)
    {
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var codes = Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(code => new RecoveryCode
        {
            Id = Guid.NewGuid(),
            TenantId = user.TenantId,
            UserId = user.Id,
            CodeHash = Hash(code),
        }));
        return codes;
    }

    public async Task<bool> TryConsumeAsync(User user, string code, CancellationToken cancellationToken)
    {
        var hash = Hash(code);
        var match = await db.RecoveryCodes.FirstOrDefaultAsync(c => c.UserId == user.Id && c.UsedAt == null && c.CodeHash == hash, cancellationToken);
        if (match is null)
        {
            return false;
        }
        match.UsedAt = clock.GetUtcNow();
        return true;
    }

    public Task DeleteAllAsync(User user, CancellationToken cancellationToken) =>
        db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);

    private static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 10);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant()));
}
