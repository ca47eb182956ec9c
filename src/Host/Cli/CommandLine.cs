using Platform.Host.Database;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;
using Platform.Users.Contracts;

namespace Platform.Host.Cli;

/// <summary>Verbs of the host run from the command line instead of serving (see README).</summary>
internal static class CommandLine
{
    private const string Usage = "Commands: migrate | seed-demo | grant-platform-admin EMAIL | reencrypt-tokens | openapi-document FILE";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration["Hangfire:ServerEnabled"] = "false";
        builder.AddPlatform();
        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("cli");
        switch (args)
        {
            case ["migrate"]:
                await MigrateAsync(app.Configuration, logger, CancellationToken.None);
                return 0;
            case ["seed-demo"]:
                await MigrateAsync(app.Configuration, logger, CancellationToken.None);
                await SeedDemoAsync(app.Services, logger);
                return 0;
            case ["grant-platform-admin", var email]:
                var granted = await InUnitOfWorkAsync(app.Services, services => services.GetRequiredService<IPlatformAdminGrants>().GrantAsync(email, CancellationToken.None));
                await Console.Out.WriteLineAsync(granted ? $"{email} is now a platform administrator." : $"No user has the email {email}.");
                return granted ? 0 : 1;
            case ["reencrypt-tokens"]:
                // The keys are checked as a serving host checks them: no development key outside Development.
                app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
                var moved = await app.Services.GetRequiredService<ITokenKeyRotation>().ReencryptAllAsync(CancellationToken.None);
                await Console.Out.WriteLineAsync($"{moved} accounts' tokens are now under the current key.");
                return 0;
            case ["openapi-document", var file]:
                await OpenApiDocumentFile.WriteAsync(app, file);
                await Console.Out.WriteLineAsync($"OpenAPI document written to {file}");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'. {Usage}");
                return 2;
        }
    }

    public static async Task MigrateAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var applied = await new MigrationRunner(DatabaseOptions.From(configuration), logger).RunAsync(cancellationToken);
        logger.LogInformation("Database is up to date ({Count} migrations applied now)", applied);
    }

    /// <summary>A demo tenant to try the API with, and an operator for the dashboard; does nothing when they exist.</summary>
    private static async Task SeedDemoAsync(IServiceProvider services, ILogger logger)
    {
        foreach (var (tenant, email, password, operatorAccount) in new[]
        {
            ("Demo", "demo@example.com", "demo-password-123", false),
            ("Operations", "ops@example.com", "ops-password-1234", true),
        })
        {
            if (!await InUnitOfWorkAsync(services, scope => scope.GetRequiredService<IAccountRegistration>().RegisterAsync(tenant, email, password, CancellationToken.None)))
            {
                logger.LogInformation("{Email} exists already", email);
                continue;
            }
            if (operatorAccount)
            {
                await InUnitOfWorkAsync(services, scope => scope.GetRequiredService<IPlatformAdminGrants>().GrantAsync(email, CancellationToken.None));
            }
            logger.LogInformation("Seeded {Email} / {Password} in tenant {Tenant}", email, password, tenant);
        }
    }

    private static Task<T> InUnitOfWorkAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work) =>
        services.GetRequiredService<IServiceScopeFactory>().RunAsync(tenantId: null, work, CancellationToken.None);
}
