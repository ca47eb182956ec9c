using Hangfire;
using Platform.Host;
using Platform.Host.Cli;
using Platform.SharedKernel.Modules;

var builder = PlatformHost.CreateBuilder(args);
if (args.Length > 0 && !args[0].StartsWith('-'))
{
    return await CommandLine.RunAsync(builder, args);
}

builder.AddPlatform();
var app = builder.Build();
if (app.Configuration.GetValue("Migrations:ApplyOnStartup", true))
{
    await CommandLine.MigrateAsync(app.Configuration, app.Logger, app.Lifetime.ApplicationStopping);
}
app.UsePlatform();
var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IModule>>())
{
    module.ScheduleRecurringJobs(recurring);
}
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the application.</summary>
public partial class Program;
