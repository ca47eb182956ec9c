using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Throttling;

namespace Platform.Users.Credentials;

/// <summary>
/// Slows guessing without handing anyone a way to lock others out: failures count per account and client address,
/// and per client address, and each key past its free failures waits longer (<see cref="SignInThrottleOptions"/>).
/// Nothing counts per account alone, so the right password from an address that did not fail is never held back.
/// </summary>
internal sealed class LoginThrottle(IFailureBackoff backoff, IOptions<SignInThrottleOptions> options)
{
    /// <returns>How long this address must wait before it may try this account again; zero when it may try now.</returns>
    public async Task<TimeSpan> WaitAsync(string emailNormalized, string address, CancellationToken cancellationToken)
    {
        var pair = backoff.WaitAsync(PairKey(emailNormalized, address), cancellationToken);
        var sender = backoff.WaitAsync(AddressKey(address), cancellationToken);
        var (pairWait, senderWait) = (await pair, await sender);
        return pairWait > senderWait ? pairWait : senderWait;
    }

    public async Task RecordFailureAsync(string emailNormalized, string address, CancellationToken cancellationToken)
    {
        await backoff.RecordFailureAsync(PairKey(emailNormalized, address), options.Value.AccountAndAddressRule, cancellationToken);
        await backoff.RecordFailureAsync(AddressKey(address), options.Value.AddressRule, cancellationToken);
    }

    /// <summary>
    /// Forgets the failures of this account from this address. The address's own count stays: signing in to an
    /// account of one's own must not wipe out the failures spent guessing others.
    /// </summary>
    public Task SucceededAsync(string emailNormalized, string address, CancellationToken cancellationToken) =>
        backoff.ResetAsync(PairKey(emailNormalized, address), cancellationToken).AsTask();

    // Hashed so that no email address is written into the shared store.
    private static string PairKey(string emailNormalized, string address) =>
        "signin:pair:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(emailNormalized + "\n" + address)));

    private static string AddressKey(string address) => "signin:address:" + address;
}
