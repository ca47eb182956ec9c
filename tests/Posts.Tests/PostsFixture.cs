namespace Platform.Posts.Tests;

/// <summary>One host and one fake X per fixture; each test registers its own tenant.</summary>
public abstract class PostsFixture
{
    protected FakePlatform x = null!;
    internal PostsApp app = null!;

    /// <summary>Settings over <see cref="PostsApp"/>'s defaults.</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        x = await FakePlatform.StartAsync();
        app = new PostsApp(x, Settings);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await app.DisposeAsync();
        await x.DisposeAsync();
    }

    protected async Task<(TestAccount Owner, Guid Account)> OwnerWithXAsync()
    {
        var owner = await app.RegisterAsync();
        return (owner, await app.ConnectXAsync(owner, x));
    }

    /// <summary>Rows of the due index matching <paramref name="column"/> = <paramref name="value"/>, read as the superuser.</summary>
    protected async Task<long> QueuedAsync(string column, Guid value) =>
        (long)(await SuperuserScalarAsync($"SELECT count(*) FROM posts.publish_queue WHERE {column} = $1", value))!;

    /// <summary>Runs <paramref name="sql"/> as the superuser (every tenant's rows), for assertions and set-up only.</summary>
    protected Task<object?> SuperuserScalarAsync(string sql, params object[] values) => app.Database.SuperuserScalarAsync(sql, values);
}
