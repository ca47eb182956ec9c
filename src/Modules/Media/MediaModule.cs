using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Modules;

[assembly: PlatformModule(typeof(Platform.Media.MediaModule))]

namespace Platform.Media;

internal sealed class MediaModule : IModule
{
    public string Name => "media";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
