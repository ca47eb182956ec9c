namespace Platform.Tenants.Contracts;

/// <summary>The current tenant's settings, for modules that present times in its zone.</summary>
public interface ITenantSettingsReader
{
    Task<TenantSettings> GetAsync(CancellationToken cancellationToken);
}
