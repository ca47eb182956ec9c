namespace Platform.SharedKernel.Outbound;

/// <summary>
/// The platform would not send a request to where a tenant pointed it. Permanent: the same URL is refused again,
/// so a job that meets it should fail without retrying.
/// </summary>
public sealed class OutboundRequestRefusedException(OutboundRefusal refusal) : Exception(refusal.Message)
{
    public OutboundRefusal Refusal { get; } = refusal;

    /// <summary>The refusal behind <paramref name="exception"/>, which HttpClient wraps in its own exceptions.</summary>
    public static OutboundRequestRefusedException? FindIn(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OutboundRequestRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }
}
