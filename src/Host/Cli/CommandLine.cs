using Platform.Host.Database;

namespace Platform.Host.Cli;

/// <summary>Verbs of the host run from the command line instead of serving: <c>migrate</c>, <c>seed-demo</c>, <c>grant-platform-admin EMAIL</c>.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration["Hangfire:ServerEnabled"] = "false";
        switch (args[0])
        {
            case "migrate":
            {
                using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
                await MigrateAsync(builder.Configuration, loggers.CreateLogger("migrate"), CancellationToken.None);
                return 0;
            }
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: migrate, seed-demo, grant-platform-admin EMAIL.");
                return 2;
        }
    }

    public static async Task MigrateAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var applied = await new MigrationRunner(DatabaseOptions.From(configuration), logger).RunAsync(cancellationToken);
        logger.LogInformation("Database is up to date ({Count} migrations applied now)", applied);
    }
}
