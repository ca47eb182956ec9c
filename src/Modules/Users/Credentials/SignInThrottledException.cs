using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Platform.SharedKernel.Errors;

namespace Platform.Users.Credentials;

/// <summary>A sign-in refused before its credentials were looked at, because its sender must wait first.</summary>
internal sealed class SignInThrottledException(TimeSpan wait) : ProblemException(
    StatusCode,
    ProblemTitle,
    DescribeWait(Seconds(wait)),
    new Dictionary<string, object?> { ["retryAfterSeconds"] = Seconds(wait) })
{
    public const int StatusCode = 429;
    public const string ProblemTitle = "Too many sign-in attempts";

    /// <summary>RFC 6585 defines 429 Too Many Requests.</summary>
    public const string ProblemType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";

    /// <summary>Whole seconds, rounded up, as the Retry-After header carries them.</summary>
    public int RetryAfterSeconds { get; } = Seconds(wait);

    public string RetryAfterHeader => RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails { Type = ProblemType, Title = ProblemTitle, Status = StatusCode, Detail = Detail };
        problem.Extensions["retryAfterSeconds"] = RetryAfterSeconds;
        return problem;
    }

    private static string DescribeWait(int seconds) =>
        $"Too many failed sign-ins from your address; try again in {seconds} second{(seconds == 1 ? "" : "s")}.";

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
