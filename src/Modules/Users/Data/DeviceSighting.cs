namespace Platform.Users.Data;

/// <summary>What a sign-in's device is to its user.</summary>
internal enum DeviceSighting
{
    /// <summary>Signed in from before: nothing to say.</summary>
    Known,
    /// <summary>The first device the user is seen on (registering, accepting an invitation, or the first sign-in of an account made for them).</summary>
    First,
    /// <summary>A device other than the ones seen before: the user is told, in case it was not them.</summary>
    New,
}
