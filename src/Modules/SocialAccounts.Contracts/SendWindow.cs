using System.Diagnostics;

namespace Platform.SocialAccounts.Contracts;

/// <summary>
/// Bounds when requests of the platform calls made within it may still leave this process, and tells whether any did.
/// The platform clients pass it right before each request goes out, so a caller held up anywhere on the way (a busy
/// database, a starved thread pool that runs its cancellation timer late) sends nothing after the window closed.
/// A cancellation token cannot promise that: the request can be written before the token's timer gets to run.
/// </summary>
public sealed class SendWindow : IDisposable
{
    private static readonly AsyncLocal<SendWindow?> Current = new();

    private readonly SendWindow? outer;
    private readonly long closesAt;
    private int sent;

    private SendWindow(long closesAt)
    {
        this.closesAt = closesAt;
        outer = Current.Value;
        Current.Value = this;
    }

    /// <summary>Opens a window for the calls made in this async flow until it is disposed.</summary>
    /// <param name="closesAt">A <see cref="Stopwatch"/> timestamp after which no request may leave.</param>
    public static SendWindow OpenUntil(long closesAt) => new(closesAt);

    /// <summary>Whether any request left through this window: if none did, the platform has seen nothing of the call.</summary>
    public bool AnySent => Volatile.Read(ref sent) == 1;

    /// <summary>Called by a platform client right before a request leaves; refuses once the current window has closed.</summary>
    /// <exception cref="SendWindowClosedException">The window closed; the request must not be sent.</exception>
    public static void Pass()
    {
        if (Current.Value is not { } window)
        {
            return;
        }
        if (Stopwatch.GetTimestamp() >= window.closesAt)
        {
            throw new SendWindowClosedException();
        }
        Interlocked.Exchange(ref window.sent, 1);
    }

    public void Dispose() => Current.Value = outer;
}

/// <summary>A request was not sent because its <see cref="SendWindow"/> had closed.</summary>
public sealed class SendWindowClosedException() : Exception("The request was not sent: its send window had closed.");
