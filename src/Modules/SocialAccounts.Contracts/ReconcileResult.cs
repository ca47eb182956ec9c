namespace Platform.SocialAccounts.Contracts;

/// <summary>What a lookup after a lost answer concluded.</summary>
public enum ReconcileKind
{
    /// <summary>The platform has the post: <see cref="ReconcileResult.Post"/>.</summary>
    Found,
    /// <summary>The platform does not have it: safe to send again.</summary>
    Absent,
    /// <summary>
    /// The platform offers this account no reliable way to tell (<see cref="ReconcileResult.Reason"/>): the post must
    /// not be sent again blind; a person has to check.
    /// </summary>
    Unknowable,
}

public sealed record ReconcileResult(ReconcileKind Kind, PublishedPost? Post = null, string? Reason = null)
{
    public static ReconcileResult Absent { get; } = new(ReconcileKind.Absent);

    public static ReconcileResult Found(PublishedPost post) => new(ReconcileKind.Found, post);

    public static ReconcileResult Unknowable(string reason) => new(ReconcileKind.Unknowable, Reason: reason);
}
