namespace Platform.Audit.Contracts;

/// <summary>
/// Appends to the tenant's audit log inside the current unit of work: the entry commits or rolls back together with the
/// change it describes. The actor (user or API key), client address and correlation id come from the current request;
/// outside a request the actor is the system.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}
