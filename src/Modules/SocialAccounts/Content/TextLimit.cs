namespace Platform.SocialAccounts.Content;

/// <summary>A post's text as a platform counts and limits it: <paramref name="Unit"/> names what is counted, for the user.</summary>
internal sealed record TextLimit(Func<string, int> Count, int Max, string Unit);
