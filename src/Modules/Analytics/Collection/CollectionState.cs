namespace Platform.Analytics.Collection;

/// <summary>Whether metrics collection works for an account.</summary>
internal enum CollectionState
{
    /// <summary>The last fetch for the account worked.</summary>
    Collecting,
    /// <summary>The platform refused the last fetch; <see cref="AccountAnalyticsStatus.Reason"/> says why.</summary>
    Refused,
}
