using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Modules;

[assembly: PlatformModule(typeof(Platform.Posts.PostsModule))]

namespace Platform.Posts;

internal sealed class PostsModule : IModule
{
    public string Name => "posts";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
