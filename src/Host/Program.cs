using Platform.Host;
using Platform.Host.Cli;

var builder = PlatformHost.CreateBuilder(args);
if (args.Length > 0 && !args[0].StartsWith('-'))
{
    return await CommandLine.RunAsync(builder, args);
}

builder.AddPlatform();
var app = builder.Build();
// Settings (keys above all) are checked before anything touches the database.
app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
if (app.Configuration.GetValue("Migrations:ApplyOnStartup", true))
{
    await CommandLine.MigrateAsync(app.Configuration, app.Logger, app.Lifetime.ApplicationStopping);
}
app.UsePlatform();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the application.</summary>
public partial class Program;
