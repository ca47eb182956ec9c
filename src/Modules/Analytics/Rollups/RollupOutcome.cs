namespace Platform.Analytics.Rollups;

/// <summary>What one tenant's roll-up did.</summary>
internal enum RollupOutcome
{
    /// <summary>The hours touched by snapshots fetched since the last roll-up were summed again.</summary>
    Updated,
    /// <summary>Everything was summed again: the tenant had no roll-ups yet, or they were in another time zone.</summary>
    Rebuilt,
}
