using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Platform.Host.WebApp;

/// <summary>Serves the built web app at <c>/</c>: its files, then index.html for its client-side routes.</summary>
internal static class WebAppSetup
{
    public static IServiceCollection AddPlatformWebApp(this IServiceCollection services)
    {
        services.AddOptions<WebAppOptions>().BindConfiguration(WebAppOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebAppOptions>, WebAppOptions.Validation>();
        return services;
    }

    public static void UsePlatformWebApp(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<WebAppOptions>>().Value.ResolvedRootPath;
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("No web app in {Root} (run npm run build in src/Web, then build the host): / answers 404", root);
            return;
        }
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = file => WebAppHeaders.Apply(file.Context),
        });
        app.UseMiddleware<SpaFallbackMiddleware>(files);
    }
}
