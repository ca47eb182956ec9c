using Npgsql;

namespace Platform.SharedKernel.Data;

/// <summary>
/// Statements a unit of work sends in the round trip of its COMMIT, after everything it wrote; a statement that raises
/// stops the COMMIT behind it, so nothing commits. For checks that must hold a lock only until the commit (a plan limit).
/// </summary>
public interface ICommitCheck
{
    void AddTo(NpgsqlBatch batch);

    /// <summary>The failure to answer with when <paramref name="failure"/> is this check's refusal; otherwise null.</summary>
    Exception? Explain(PostgresException failure);
}
