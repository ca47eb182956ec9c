using System.Diagnostics;

namespace Platform.PublishLab;

/// <summary>
/// One Platform.Host process on a loopback port. Killed with SIGKILL (no shutdown hooks run), restarted with the same
/// settings; its output goes to a log file so a crash can be read afterwards.
/// </summary>
internal sealed class HostProcess(string name, int port, IReadOnlyDictionary<string, string> environment, string logDirectory)
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? process;
    private readonly Stopwatch sinceStart = new();
    private readonly List<double> readySeconds = [];

    public string Name => name;
    public string Url => $"http://127.0.0.1:{port}";
    public bool Alive => process is { HasExited: false };
    public int Starts { get; private set; }
    public TimeSpan CpuTime { get; private set; }
    /// <summary>Seconds from process start to a healthy answer, per start that was waited for.</summary>
    public IReadOnlyList<double> ReadySeconds => readySeconds;

    /// <summary>This checkout's host, or the one <c>PUBLISHLAB_HOST_DLL</c> names (another version's, to compare side by side).</summary>
    public static string HostDll => Environment.GetEnvironmentVariable("PUBLISHLAB_HOST_DLL") is { Length: > 0 } other ? other
        : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Host/bin/Release/net10.0/Platform.Host.dll"));

    /// <summary>Starts the process; a restart never migrates (its first start, or another host's, already did), which keeps restarts short.</summary>
    public void Start()
    {
        var log = Path.Combine(logDirectory, $"{name}.log");
        // The shell drops environment variables whose names are not identifiers (a log category has dots): those
        // settings go on the command line instead.
        var settings = Starts == 0 ? environment : new Dictionary<string, string>(environment) { ["Migrations__ApplyOnStartup"] = "false" };
        var arguments = string.Concat(settings.Where(s => !IsIdentifier(s.Key)).Select(s => $" \"--{s.Key.Replace("__", ":")}={s.Value}\""));
        var info = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet \"{HostDll}\" --urls {Url}{arguments} >>\"{log}\" 2>&1"])
        {
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings.Where(s => IsIdentifier(s.Key)))
        {
            info.Environment[key] = value;
        }
        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        sinceStart.Restart();
        Ready = false;
        Starts++;
    }

    private static bool IsIdentifier(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public void StartIfDown()
    {
        if (!Alive)
        {
            Start();
        }
    }

    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && Alive)
        {
            if (await IsReadyAsync())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>Answered health since its last start (cached: probing a healthy host again is not needed).</summary>
    public bool Ready { get; private set; }

    public async Task<bool> IsReadyAsync()
    {
        if (Ready && Alive)
        {
            return true;
        }
        try
        {
            using var response = await Probe.GetAsync($"{Url}/health/live");
            Ready = response.IsSuccessStatusCode;
            if (Ready && sinceStart.IsRunning)
            {
                readySeconds.Add(sinceStart.Elapsed.TotalSeconds);
                sinceStart.Reset();
            }
            return Ready;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>kill -9 of the whole tree: in-flight publishes, open transactions and leases are left as they are.</summary>
    public void Kill()
    {
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                CpuTime += process.TotalProcessorTime;
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        process.Dispose();
        process = null;
        Ready = false;
        sinceStart.Reset();
    }

    /// <summary>CPU used so far by this process and its killed predecessors.</summary>
    public TimeSpan TotalCpu()
    {
        try
        {
            return CpuTime + (process is { HasExited: false } p ? p.TotalProcessorTime : TimeSpan.Zero);
        }
        catch (InvalidOperationException)
        {
            return CpuTime;
        }
    }
}
