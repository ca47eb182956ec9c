namespace Platform.Media.Storage;

/// <summary>What <see cref="LocalUrlSigner.Check"/> finds of a local download URL.</summary>
internal enum LocalUrlCheck
{
    Valid,
    BadSignature,
    Expired,
}
