using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Platform.Foundation.Tests.Logging;

/// <summary>
/// A logger provider beside the host's own that keeps every entry at every level: its rendered message, each value of
/// its state, each value of every scope it was written in, and its exception in full.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLine> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeValues = new Dictionary<string, string>();
            var text = new StringBuilder().Append(category).Append(' ').Append(formatter(state, exception));
            Append(text, state, scopeValues: null);
            owner.scopes.ForEachScope((scope, builder) => Append(builder, scope, scopeValues), text);
            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }
            owner.lines.Enqueue(new CapturedLine(category, text.ToString(), scopeValues));
        }

        private static void Append(StringBuilder text, object? values, Dictionary<string, string>? scopeValues)
        {
            if (values is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                    scopeValues?.TryAdd(key, value?.ToString() ?? "");
                }
                return;
            }
            if (values is IEnumerable<KeyValuePair<string, object>> objects)
            {
                foreach (var (key, value) in objects)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                    scopeValues?.TryAdd(key, value?.ToString() ?? "");
                }
                return;
            }
            text.Append(" | ").Append(values);
        }
    }
}

/// <summary>One captured entry: everything it said as one string, and its scopes' values by name.</summary>
public sealed record CapturedLine(string Category, string Text, IReadOnlyDictionary<string, string> Scopes);
