namespace Platform.Media.Quotas;

/// <summary>Whether one more file of some size fits a tenant's quota, and if not, which limit it breaks.</summary>
internal enum QuotaOutcome
{
    Fits,
    TooManyFiles,
    TooManyBytes,
}
