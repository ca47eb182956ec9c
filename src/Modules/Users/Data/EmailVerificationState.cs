namespace Platform.Users.Data;

/// <summary>Where a mailed verification link stands; only a pending one verifies the address.</summary>
internal enum EmailVerificationState
{
    Pending,
    Used,
    Expired,
}
