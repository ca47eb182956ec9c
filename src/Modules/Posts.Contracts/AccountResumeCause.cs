namespace Platform.Posts.Contracts;

/// <summary>Why publishing to a paused account went on again.</summary>
public enum AccountResumeCause
{
    /// <summary>The breaker's trial publish worked.</summary>
    TrialPassed,
    /// <summary>A person resumed it.</summary>
    Person,
    /// <summary>The pause a person set for a time ran out.</summary>
    PauseEnded,
}
