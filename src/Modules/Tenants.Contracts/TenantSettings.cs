namespace Platform.Tenants.Contracts;

/// <summary>What a tenant sets for itself.</summary>
/// <param name="TimeZone">IANA time zone the calendar and schedules are shown in.</param>
/// <param name="Locale">BCP 47 language tag for generated content.</param>
[System.ComponentModel.ImmutableObject(true)]
public sealed record TenantSettings(string TimeZone = "UTC", string Locale = "en-US");
