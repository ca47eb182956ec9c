using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace Platform.Host.Cli;

/// <summary>
/// The OpenAPI document /swagger/v1/swagger.json serves, written to a file without serving or touching the database,
/// so that the web app's API types can be generated from the built host (src/Web: npm run api:generate).
/// </summary>
internal static class OpenApiDocumentFile
{
    public static async Task WriteAsync(WebApplication app, string file)
    {
        // Maps every endpoint, as a serving host does, so the document describes them all.
        app.UsePlatform();
        // A serving host hands its endpoints to routing when it starts; this one never starts, so it hands them now.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = app.Services.GetRequiredService<ISwaggerProvider>().GetSwagger("v1");
        await using var output = File.Create(Path.GetFullPath(file));
        await document.SerializeAsJsonAsync(output, OpenApiSpecVersion.OpenApi3_0);
    }
}
