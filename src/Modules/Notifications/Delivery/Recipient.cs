namespace Platform.Notifications.Delivery;

/// <summary>Who gets a notification: a user of the tenant, or only an address (someone invited).</summary>
internal sealed record Recipient(Guid? UserId, string Email);
