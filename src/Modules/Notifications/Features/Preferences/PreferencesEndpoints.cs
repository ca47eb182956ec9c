using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Contracts;
using Platform.Notifications.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;

namespace Platform.Notifications.Features.Preferences;

/// <summary>Each user chooses which kinds of mail they get; security mail (invitations, password resets) always goes.</summary>
internal static class PreferencesEndpoints
{
    public static void Map(IEndpointRouteBuilder notifications)
    {
        notifications.MapGet("/preferences", GetAsync)
            .WithName("GetNotificationPreferences")
            .WithSummary("Every kind of mail and whether the caller gets it.");
        notifications.MapPut("/preferences", UpdateAsync)
            .WithName("UpdateNotificationPreferences")
            .WithSummary("Switches kinds of mail on or off for the caller; switching off a security kind answers 400 and changes nothing.")
            .Validate<UpdatePreferencesRequest>();
    }

    private static async Task<Ok<IReadOnlyList<PreferenceItem>>> GetAsync(HttpContext context, NotificationsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListAsync(db, context.User.RequiredUserId(), cancellationToken));

    private static async Task<Ok<IReadOnlyList<PreferenceItem>>> UpdateAsync(
        UpdatePreferencesRequest request, HttpContext context, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.RequiredUserId();
        var tenantId = context.User.TenantId() ?? throw new InvalidOperationException("An authenticated caller has a tenant.");
        var stored = await db.Preferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var change in request.Preferences.Where(c => !c.Kind.IsSecurity()))
        {
            if (stored.TryGetValue(change.Kind, out var preference))
            {
                preference.Enabled = change.Enabled;
            }
            else
            {
                db.Preferences.Add(new NotificationPreference { TenantId = tenantId, UserId = userId, Kind = change.Kind, Enabled = change.Enabled });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ListAsync(db, userId, cancellationToken));
    }

    private static async Task<IReadOnlyList<PreferenceItem>> ListAsync(NotificationsDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var off = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId && !p.Enabled).Select(p => p.Kind).ToListAsync(cancellationToken);
        return Enum.GetValues<NotificationKind>().Select(kind => new PreferenceItem(kind, !off.Contains(kind), !kind.IsSecurity())).ToList();
    }
}
