using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>An event read off the stream: its id, its name and its data.</summary>
internal sealed record StreamedEvent(string Id, string Name, JsonElement Data);

/// <summary>
/// A client of <c>GET /api/v1/notifications/stream</c> over real HTTP, reading the text/event-stream as a browser's
/// EventSource would: fields up to a blank line make an event, a line starting with a colon is a comment.
/// </summary>
internal sealed class LiveStream : IAsyncDisposable
{
    public const string Path = "/api/v1/notifications/stream";

    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<StreamedEvent> arrived = Channel.CreateUnbounded<StreamedEvent>();
    private readonly List<StreamedEvent> received = [];
    private readonly HashSet<StreamedEvent> returned = new(ReferenceEqualityComparer.Instance);
    private readonly Task reading;
    private int heartbeats;

    private LiveStream(HttpResponseMessage response, Stream body)
    {
        this.response = response;
        reading = ReadAsync(body);
    }

    /// <summary>Every event taken off the stream so far by <see cref="WaitForAsync"/>.</summary>
    public IReadOnlyList<StreamedEvent> Received => received;

    public int Heartbeats => Volatile.Read(ref heartbeats);

    /// <summary>Completes when the server ends the stream.</summary>
    public Task Ended => reading;

    public static async Task<LiveStream> OpenAsync(HttpClient client, string? lastEventId = null)
    {
        var response = await SendAsync(client, lastEventId);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await ErrorTextAsync(response));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        return new LiveStream(response, await response.Content.ReadAsStreamAsync());
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>
    /// The first event named <paramref name="name"/> that matches and was not returned before, among those received or,
    /// taking more off the stream, still to come; fails after 30 s.
    /// </summary>
    public async Task<StreamedEvent> WaitForAsync(string name, Func<JsonElement, bool> matches)
    {
        if (received.FirstOrDefault(e => !returned.Contains(e) && e.Name == name && matches(e.Data)) is { } earlier)
        {
            returned.Add(earlier);
            return earlier;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var next = await arrived.Reader.ReadAsync(timeout.Token);
                received.Add(next);
                if (next.Name == name && matches(next.Data))
                {
                    returned.Add(next);
                    return next;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching '{name}' event within 30 s; received: {string.Join(", ", received.Select(e => e.Name + " " + e.Data))}");
        }
    }

    /// <summary>Events that arrived and were not taken yet.</summary>
    public IReadOnlyList<StreamedEvent> Drain()
    {
        while (arrived.Reader.TryRead(out var next))
        {
            received.Add(next);
        }
        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        try
        {
            await reading;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
        }
        stop.Dispose();
    }

    private async Task ReadAsync(Stream body)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? id = null, name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    arrived.Writer.TryWrite(new StreamedEvent(id ?? "", name ?? "message", JsonDocument.Parse(data.ToString()).RootElement.Clone()));
                }
                name = null;
                data.Clear();
            }
            else if (line.StartsWith(':'))
            {
                if (line.Contains("heartbeat", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref heartbeats);
                }
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line[6..]);
            }
        }
        arrived.Writer.TryComplete();
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync();
}
