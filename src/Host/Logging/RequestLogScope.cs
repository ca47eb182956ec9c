using System.Collections;

namespace Platform.Host.Logging;

/// <summary>
/// The ids every log line of a request carries, as one logging scope: the correlation id from the start, the tenant and
/// the user or API key once authentication has named them (<see cref="RequestLogScopeMiddleware"/>). Read when a line is
/// written, so even the request's closing line names its caller. Ids only, never a token or a name.
/// </summary>
internal sealed class RequestLogScope(string correlationId) : IReadOnlyList<KeyValuePair<string, object>>
{
    public Guid? TenantId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? ApiKeyId { get; set; }

    private List<KeyValuePair<string, object>> Values()
    {
        var values = new List<KeyValuePair<string, object>>(4) { new("CorrelationId", correlationId) };
        if (TenantId is { } tenant)
        {
            values.Add(new("TenantId", tenant));
        }
        if (ApiKeyId is { } key)
        {
            values.Add(new("ApiKeyId", key));
        }
        else if (UserId is { } user)
        {
            values.Add(new("UserId", user));
        }
        return values;
    }

    public int Count => Values().Count;

    public KeyValuePair<string, object> this[int index] => Values()[index];

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => Values().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', Values().Select(pair => $"{pair.Key}:{pair.Value}"));
}
