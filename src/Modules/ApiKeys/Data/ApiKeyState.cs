namespace Platform.ApiKeys.Data;

/// <summary>Where a key stands; only an active one authenticates.</summary>
internal enum ApiKeyState
{
    Active,
    Revoked,
    Expired,
}
