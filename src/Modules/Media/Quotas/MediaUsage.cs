namespace Platform.Media.Quotas;

/// <summary>A tenant's usage against its plan's limits.</summary>
internal sealed record MediaUsage(long UsedBytes, int FileCount, long MaxBytes, int MaxFiles)
{
    public QuotaOutcome Admit(long bytes) =>
        FileCount + 1 > MaxFiles ? QuotaOutcome.TooManyFiles
        : UsedBytes + bytes > MaxBytes ? QuotaOutcome.TooManyBytes
        : QuotaOutcome.Fits;

    /// <summary>The problem answered when <see cref="Admit"/> refuses: 409 for the file count, 413 for the bytes.</summary>
    public Platform.SharedKernel.Errors.ProblemException Refusal(QuotaOutcome outcome, long bytes)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["maxBytes"] = MaxBytes,
            ["usedBytes"] = UsedBytes,
            ["maxFiles"] = MaxFiles,
            ["fileCount"] = FileCount,
            ["requestedBytes"] = bytes,
        };
        return outcome == QuotaOutcome.TooManyFiles
            ? new(409, "Media file quota reached", $"The plan allows {MaxFiles} files and {FileCount} are stored: delete some first.", extensions)
            : new(413, "Media storage quota exceeded",
                $"The plan allows {MaxBytes} bytes, {UsedBytes} are used and this file needs {bytes} more.", extensions);
    }
}
