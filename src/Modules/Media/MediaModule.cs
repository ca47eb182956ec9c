using Amazon.Runtime;
using Amazon.S3;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Billing.Contracts;
using Platform.Media.Contracts;
using Platform.Media.Data;
using Platform.Media.Library;
using Platform.Media.Detection;
using Platform.Media.Features.DeleteMedia;
using Platform.Media.Features.DownloadFile;
using Platform.Media.Features.GetMedia;
using Platform.Media.Features.ListMedia;
using Platform.Media.Features.Shared;
using Platform.Media.Features.UpdateMedia;
using Platform.Media.Features.DirectUpload;
using Platform.Media.Features.UploadMedia;
using Platform.Media.Jobs;
using Platform.Media.Quotas;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.Media.MediaModule))]

namespace Platform.Media;

internal sealed class MediaModule : IModule
{
    public string Name => "media";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MediaDbContext>();
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new InspectionQueue(sp.GetRequiredService<IOptions<MediaOptions>>().Value.MaxConcurrentInspections));
        services.AddSingleton<MediaInspector>();
        services.AddSingleton<UploadReader>();
        services.AddScoped<MediaUsageLedger>();
        services.AddSingleton<IPlanUsage>(MediaStorageUsage.Usage);
        services.AddSingleton<QuotaReservations>();
        services.AddSingleton(sp => new UploadDatabaseQueue(
            sp.GetRequiredService<IOptions<MediaOptions>>().Value.MaxConcurrentUploadUnitsOfWork, sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped<AbandonedUploadsJob>();
        services.AddScoped<MediaLinks>();
        services.AddSingleton<LibraryWriter>();

        services.AddSingleton(sp => new LocalUrlSigner(LocalSigningKey(sp.GetRequiredService<IOptions<MediaOptions>>().Value), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SignedFileUrls>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<IMediaLibrary>(sp => sp.GetRequiredService<MediaLibrary>());

        var s3 = configuration.GetSection(MediaOptions.Section).Get<MediaOptions>()?.S3 ?? new S3StoreOptions();
        if (!s3.IsConfigured)
        {
            services.AddSingleton(sp => new LocalDiskMediaStore(sp.GetRequiredService<IOptions<MediaOptions>>().Value.Local.Root, sp.GetRequiredService<SignedFileUrls>()));
            services.AddSingleton<IMediaStore>(sp => sp.GetRequiredService<LocalDiskMediaStore>());
        }
        else
        {
            services.AddSingleton<IAmazonS3>(sp => CreateS3Client(sp.GetRequiredService<IOptions<MediaOptions>>().Value.S3));
            services.AddSingleton<IMediaStore>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<MediaOptions>>().Value.S3;
                var useHttp = Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp;
                return new S3MediaStore(sp.GetRequiredService<IAmazonS3>(), options.Bucket, useHttp);
            });
            services.AddSingleton<IDirectUploadStore>(sp => (S3MediaStore)sp.GetRequiredService<IMediaStore>());
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var media = api.MapGroup("/media").WithTags("Media").RequireScope(ApiScope.MediaWrite);
        UploadMediaEndpoint.Map(media);
        StartDirectUploadEndpoint.Map(media);
        CompleteDirectUploadEndpoint.Map(media);
        ListMediaEndpoint.Map(media);
        GetMediaEndpoint.Map(media);
        UpdateMediaEndpoint.Map(media);
        DeleteMediaEndpoint.Map(media);
        DownloadFileEndpoint.Map(media);
    }

    public void ScheduleRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<AbandonedUploadsJob>(AbandonedUploadsJob.RecurringJobId, job => job.SweepAsync(CancellationToken.None), AbandonedUploadsJob.Every);

    private static byte[] LocalSigningKey(MediaOptions options) =>
        string.IsNullOrEmpty(options.Local.SigningKey) ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(options.Local.SigningKey);

    private static AmazonS3Client CreateS3Client(S3StoreOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
        }
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.AuthenticationRegion = options.Region;
            if (string.IsNullOrWhiteSpace(options.ServiceUrl))
            {
                config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
            }
        }
        // Without keys the SDK's own chain (environment, profile, instance role) supplies credentials.
        return string.IsNullOrWhiteSpace(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
