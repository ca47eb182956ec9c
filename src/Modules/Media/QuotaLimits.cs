namespace Platform.Media;

/// <summary>Bytes and files one plan tier may keep (an entry of <c>Media:Quotas</c>).</summary>
internal sealed class QuotaLimits
{
    public long MaxBytes { get; set; }
    public int MaxFiles { get; set; }
}
