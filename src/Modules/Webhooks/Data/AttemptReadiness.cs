namespace Platform.Webhooks.Data;

/// <summary>Whether a job for one attempt of a delivery may make it now.</summary>
internal enum AttemptReadiness
{
    /// <summary>The delivery waits for exactly this attempt.</summary>
    Ready,
    /// <summary>This attempt was made, or is being made by another job: a repeated job does nothing.</summary>
    AlreadyMade,
    /// <summary>The change that queued this attempt is not committed yet (the job was quicker than its transaction).</summary>
    NotYetVisible,
}
