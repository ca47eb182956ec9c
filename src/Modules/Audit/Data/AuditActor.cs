using System.Security.Claims;
using Platform.SharedKernel.Security;

namespace Platform.Audit.Data;

/// <summary>The actor of an entry: its kind, the user it acts for, and the API key when one was used.</summary>
internal sealed record AuditActor(ActorKind Kind, Guid? UserId, Guid? ApiKeyId)
{
    public static readonly AuditActor System = new(ActorKind.System, null, null);

    /// <summary>
    /// From the request's principal (an API key acts for the user who made it, and is named), or the person a sign-in
    /// proved; a request with neither is anonymous, work outside any request is the system's.
    /// </summary>
    public static AuditActor Of(ClaimsPrincipal? principal, Guid? provenUserId)
    {
        if (principal is null)
        {
            return provenUserId is { } proven ? new AuditActor(ActorKind.User, proven, null) : System;
        }
        if (principal.ApiKeyId() is { } keyId)
        {
            return new AuditActor(ActorKind.ApiKey, principal.UserId(), keyId);
        }
        return (principal.UserId() ?? provenUserId) is { } userId
            ? new AuditActor(ActorKind.User, userId, null)
            : new AuditActor(ActorKind.Anonymous, null, null);
    }
}
