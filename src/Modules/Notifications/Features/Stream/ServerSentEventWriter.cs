using System.Text;
using Microsoft.AspNetCore.Http;
using Platform.Notifications.Live;

namespace Platform.Notifications.Features.Stream;

/// <summary>
/// Writes the text/event-stream format (https://html.spec.whatwg.org/multipage/server-sent-events.html): an event is its
/// <c>id</c>, <c>event</c> and one <c>data</c> line (the JSON has no line breaks); a line starting with a colon is a comment.
/// </summary>
internal sealed class ServerSentEventWriter(HttpResponse response)
{
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    public async Task StartAsync(TimeSpan retry, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Tells nginx-style proxies not to hold events back in a buffer.
        response.Headers["X-Accel-Buffering"] = "no";
        await WriteAsync($"retry: {(int)retry.TotalMilliseconds}\n: connected\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public ValueTask WriteAsync(LiveMessage message, CancellationToken cancellationToken) =>
        WriteAsync($"id: {message.Id}\nevent: {EventName(message.Type)}\ndata: {message.Data}\n\n", cancellationToken);

    public async Task WriteHeartbeatAsync(CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Heartbeat, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => response.Body.FlushAsync(cancellationToken);

    private ValueTask WriteAsync(string text, CancellationToken cancellationToken) =>
        response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    private static string EventName(LiveEventType type) => type switch
    {
        LiveEventType.Notification => "notification",
        LiveEventType.Post => "post",
        LiveEventType.Account => "account",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
