namespace Platform.Users.Contracts;

/// <summary>Whom to tell about something in the current tenant (read under its row-level security).</summary>
public interface IUserContacts
{
    /// <summary>The tenant's active owners and admins.</summary>
    Task<IReadOnlyList<UserContact>> AdministratorsAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's active owners (who pay for it).</summary>
    Task<IReadOnlyList<UserContact>> OwnersAsync(CancellationToken cancellationToken);
}
