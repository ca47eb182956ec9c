using System.Net;
using System.Net.Sockets;

namespace Platform.Notifications.Tests;

/// <summary>
/// A TCP relay in front of the local SMTP server, so a test can take the server "down" (every connection is cut before
/// the greeting) and bring it back, without restarting it.
/// </summary>
internal sealed class SmtpGate : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public SmtpGate()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public volatile bool IsOpen = true;

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            if (!IsOpen)
            {
                return;
            }
            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, Smtp4dev.SmtpPort);
            var clientStream = client.GetStream();
            var serverStream = server.GetStream();
            var up = clientStream.CopyToAsync(serverStream, stop.Token);
            var down = serverStream.CopyToAsync(clientStream, stop.Token);
            try
            {
                await Task.WhenAny(up, down);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
