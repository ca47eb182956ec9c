using Shouldly;

namespace Platform.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    private static IEnumerable<string> Modules => ModuleBoundaries.Modules;

    [TestCaseSource(nameof(Modules))]
    public void A_module_references_no_other_modules_implementation(string module)
    {
        ModuleBoundaries.ForeignImplementationReferences(ModuleBoundaries.Implementation(module), module).ShouldBeEmpty();
        ModuleBoundaries.ForeignImplementationProjectReferences(ModuleBoundaries.ProjectFile(module), module).ShouldBeEmpty();
    }

    [TestCaseSource(nameof(Modules))]
    public void A_module_exposes_no_public_implementation_types(string module) =>
        ModuleBoundaries.PublicTypes(ModuleBoundaries.Implementation(module)).ShouldBeEmpty();

    [TestCaseSource(nameof(Modules))]
    public void Contracts_reference_no_implementation_nor_infrastructure(string module)
    {
        var references = ModuleBoundaries.Contracts(module).GetReferencedAssemblies().Select(r => r.Name!).ToList();

        ModuleBoundaries.ForeignImplementationReferences(ModuleBoundaries.Contracts(module), ownModule: null).ShouldBeEmpty();
        references.ShouldNotContain(name => name.StartsWith("Hangfire", StringComparison.Ordinal));
        references.ShouldNotContain(name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [TestCaseSource(nameof(Modules))]
    public void A_modules_SQL_names_no_other_modules_schema(string module) =>
        ModuleBoundaries.SourceFiles(module)
            .SelectMany(file => ModuleBoundaries.ForeignSchemaReferences(module, File.ReadAllText(file)).Select(name => $"{Path.GetFileName(file)}: {name}"))
            .ShouldBeEmpty();

    [Test]
    public void The_module_list_is_the_hosts_catalog()
    {
        ModuleBoundaries.Modules.ShouldContain("SocialAccounts");
        ModuleBoundaries.SchemaByModule["SocialAccounts"].ShouldBe("social_accounts");
        Directory.EnumerateDirectories(Path.Combine(ModuleBoundaries.RepositoryRoot, "src", "Modules"))
            .Select(Path.GetFileName)
            .Where(name => !name!.EndsWith(".Contracts", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ShouldBe(ModuleBoundaries.Modules);
    }

    [Test]
    public void The_rules_catch_a_breach()
    {
        ModuleBoundaries.ForeignSchemaReferences("Posts", "var sql = \"SELECT email FROM users.users WHERE id = $1\";").ShouldBe(["users.users"]);
        ModuleBoundaries.ForeignSchemaReferences("Posts", "var sql = \"SELECT id FROM posts.posts\"; var scope = \"users.read\";").ShouldBeEmpty();

        // The host is the composition root and references every implementation: seen as a module, it breaks the rules.
        var hostProject = Path.Combine(ModuleBoundaries.RepositoryRoot, "src", "Host", "Host.csproj");

        ModuleBoundaries.ForeignImplementationProjectReferences(hostProject, ownModule: null).Count().ShouldBe(ModuleBoundaries.Modules.Length);
        ModuleBoundaries.PublicTypes(typeof(Program).Assembly).ShouldContain("Program");
    }
}
