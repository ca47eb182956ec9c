namespace Platform.Billing.Contracts;

/// <summary>
/// A raw SQL statement answering one number, the current tenant's use of a limit (row-level security scopes it), with its
/// positional parameters (<c>$1</c>, <c>$2</c>, ...).
/// </summary>
public sealed record UsageQuery(string Sql, params object[] Parameters);
