namespace Platform.Users.PlatformAdmins;

/// <summary>Section <c>PlatformAdmins</c>: who may open the operators' dashboard besides users granted the flag.</summary>
internal sealed class PlatformAdminOptions
{
    public const string Section = "PlatformAdmins";

    /// <summary>E-mail addresses of platform administrators, compared after normalisation.</summary>
    public string[] Emails { get; set; } = [];
}
