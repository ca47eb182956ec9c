namespace Platform.Posts.Contracts;

/// <summary>Why publishing to an account was paused.</summary>
public enum AccountPauseCause
{
    /// <summary>The account's breaker opened after failures in a row.</summary>
    Failures,
    /// <summary>A person paused it.</summary>
    Person,
}
