namespace Platform.Agents.Features.Shared;

/// <summary>How a tool reaches the database, as the REST endpoint of the same use case does.</summary>
internal enum ToolDatabaseUse
{
    /// <summary>One unit of work around the whole call, committed when it succeeds.</summary>
    UnitOfWork,
    /// <summary>None: the call waits on a platform or an AI provider and opens short units of work itself.</summary>
    OwnUnitsOfWork,
}
