using Platform.SharedKernel.Errors;

namespace Platform.Users.Credentials;

/// <summary>The password was right, and the account asks for its second factor too.</summary>
internal sealed class SecondFactorRequiredException() : ProblemException(
    401, "Second factor required", "Send the code from your authenticator app, or a recovery code.",
    new Dictionary<string, object?> { ["mfaRequired"] = true });
