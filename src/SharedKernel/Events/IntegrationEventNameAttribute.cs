namespace Platform.SharedKernel.Events;

/// <summary>
/// The name an integration event is stored under in the outbox (for example <c>posts.target_published</c>): it stays the
/// same when the class is renamed or moved, so rows written before a deployment are still delivered after it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
