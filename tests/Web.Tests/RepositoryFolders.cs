namespace Platform.Web.Tests;

internal static class RepositoryFolders
{
    /// <summary>The checkout's root: the first folder above the test binaries holding Platform.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Web => Path.Combine(Root, "src", "Web");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
