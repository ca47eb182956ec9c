namespace Platform.SharedKernel.Jobs;

/// <summary>
/// Marks a job method that deliberately runs for no tenant (a dispatcher or a sweep that fans out per tenant).
/// Every other job must take a <c>Guid tenantId</c> argument.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CrossTenantJobAttribute : Attribute;
