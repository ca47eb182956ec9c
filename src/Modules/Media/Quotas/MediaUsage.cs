using Platform.Billing.Contracts;
using Platform.SharedKernel.Errors;

namespace Platform.Media.Quotas;

/// <summary>A tenant's library against its plan's storage and the file cap.</summary>
internal sealed record MediaUsage(long UsedBytes, int FileCount, PlanLimits Plan, int MaxFiles)
{
    public long MaxBytes => Plan.MediaStorageBytes;

    public QuotaOutcome Admit(long bytes) =>
        FileCount + 1 > MaxFiles ? QuotaOutcome.TooManyFiles
        : UsedBytes + bytes > MaxBytes ? QuotaOutcome.TooManyBytes
        : QuotaOutcome.Fits;

    /// <summary>The problem answered when <see cref="Admit"/> refuses: 409 for the file count, the plan's 402 for the bytes.</summary>
    public ProblemException Refusal(QuotaOutcome outcome, long bytes) =>
        outcome == QuotaOutcome.TooManyFiles
            ? new(409, "Media file quota reached", $"The library holds at most {MaxFiles} files and {FileCount} are stored: delete some first.",
                new Dictionary<string, object?> { ["maxFiles"] = MaxFiles, ["fileCount"] = FileCount })
            : new LimitCheck(Plan, PlanLimit.MediaStorageBytes, UsedBytes, bytes).Refusal();
}
