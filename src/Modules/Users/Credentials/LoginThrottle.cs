using Microsoft.Extensions.Configuration;
using Platform.SharedKernel.Throttling;

namespace Platform.Users.Credentials;

/// <summary>Slows guessing: too many failures for one account, or from one address, block further attempts for a while.</summary>
internal sealed class LoginThrottle(IFailureCounter counter, IConfiguration configuration)
{
    private int AccountLimit => configuration.GetValue("Users:Throttle:AccountFailures", 5);
    private int AddressLimit => configuration.GetValue("Users:Throttle:AddressFailures", 30);
    private TimeSpan Window => TimeSpan.FromMinutes(configuration.GetValue("Users:Throttle:WindowMinutes", 15));

    public async Task<TimeSpan?> BlockedForAsync(string emailNormalized, string address, CancellationToken cancellationToken) =>
        await counter.BlockedForAsync(AccountKey(emailNormalized), AccountLimit, cancellationToken)
        ?? await counter.BlockedForAsync(AddressKey(address), AddressLimit, cancellationToken);

    public async Task RecordFailureAsync(string emailNormalized, string address, CancellationToken cancellationToken)
    {
        await counter.RecordFailureAsync(AccountKey(emailNormalized), Window, cancellationToken);
        await counter.RecordFailureAsync(AddressKey(address), Window, cancellationToken);
    }

    public Task ResetAsync(string emailNormalized, CancellationToken cancellationToken) =>
        counter.ResetAsync(AccountKey(emailNormalized), cancellationToken).AsTask();

    private static string AccountKey(string emailNormalized) => "login:account:" + emailNormalized;

    private static string AddressKey(string address) => "login:address:" + address;
}
