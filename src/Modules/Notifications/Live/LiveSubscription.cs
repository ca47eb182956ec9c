using System.Threading.Channels;

namespace Platform.Notifications.Live;

/// <summary>
/// One open stream on this host: the events waiting for it. A client that falls <see cref="LiveStreamOptions.ClientBuffer"/>
/// events behind is ended rather than buffered without bound; it resumes from its last event id.
/// </summary>
internal sealed class LiveSubscription(Guid tenantId, Guid userId, int buffer, Action<LiveSubscription> onDispose) : IDisposable
{
    private readonly Channel<LiveMessage> waiting = Channel.CreateBounded<LiveMessage>(
        new BoundedChannelOptions(buffer) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public Guid TenantId { get; } = tenantId;
    public Guid UserId { get; } = userId;
    public ChannelReader<LiveMessage> Messages => waiting.Reader;

    public void Offer(LiveMessage message)
    {
        if (!waiting.Writer.TryWrite(message))
        {
            waiting.Writer.TryComplete();
        }
    }

    /// <summary>Ends the stream once what is waiting has been written (the host is stopping).</summary>
    public void End() => waiting.Writer.TryComplete();

    public void Dispose()
    {
        End();
        onDispose(this);
    }
}
