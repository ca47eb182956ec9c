using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Shouldly;

namespace Platform.Web.Tests;

/// <summary>Runs the web app's node tools in src/Web against a host these tests started.</summary>
internal static class NodeCommands
{
    /// <summary>Runs <paramref name="program"/> in src/Web, echoes its output, and fails unless it exits 0 within six minutes.</summary>
    public static async Task RunAsync(string program, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = RepositoryFolders.Web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await node.WaitForExitAsync(timeout.Token);
        await TestContext.Out.WriteLineAsync(await output + await errors);

        node.ExitCode.ShouldBe(0, await output + await errors);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
