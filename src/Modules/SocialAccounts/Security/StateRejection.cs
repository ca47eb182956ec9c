namespace Platform.SocialAccounts.Security;

internal enum StateRejection
{
    None,
    Malformed,
    Forged,
    Expired,
    WrongCaller,
    Reused,
}
