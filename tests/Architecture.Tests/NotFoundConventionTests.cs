using System.Text.RegularExpressions;
using Shouldly;

namespace Platform.Architecture.Tests;

/// <summary>
/// Every endpoint answers "not found" one way: <c>throw ProblemException.NotFound(what)</c>, which the host turns into
/// problem details with a <c>type</c> (RFC 9457). A bare 404 result would answer an empty body instead.
/// </summary>
public sealed partial class NotFoundConventionTests
{
    [Test]
    public void No_endpoint_answers_a_bare_not_found() =>
        SourceTree.Files()
            .SelectMany(file => BareNotFounds(SourceTree.Read(file)).Select(found => $"{file}: {found}"))
            .ShouldBeEmpty();

    [Test]
    public void The_rule_catches_each_bare_form_and_spares_the_convention()
    {
        BareNotFounds("return Results.NotFound();").ShouldHaveSingleItem();
        BareNotFounds("return TypedResults.NotFound(new { id });").ShouldHaveSingleItem();
        BareNotFounds("Task<Results<Ok<PostResponse>, NotFound>> HandleAsync()").ShouldHaveSingleItem();
        BareNotFounds("return Results.StatusCode(StatusCodes.Status404NotFound);").ShouldHaveSingleItem();
        BareNotFounds("return Results.StatusCode(404);").ShouldHaveSingleItem();
        BareNotFounds("return new NotFoundResult();").ShouldHaveSingleItem();

        BareNotFounds("""
            ?? throw ProblemException.NotFound("The post");
            group.MapGet("/{id}", Handle).ProducesProblem(StatusCodes.Status404NotFound);
            // Results.NotFound() would answer no body
            var text = "TypedResults.NotFound()";
            catch (KeyNotFoundException) { }
            """).ShouldBeEmpty();
    }

    private static IEnumerable<string> BareNotFounds(string source) =>
        BareNotFound().Matches(TopLevelTypes.CodeOnly(source)).Select(m => m.Value.Trim());

    [GeneratedRegex(@"\b(?:Typed)?Results\s*\.\s*NotFound\b|[<,]\s*NotFound\s*[<>,]|\bStatusCode\s*\(\s*(?:404|StatusCodes\s*\.\s*Status404NotFound)\s*\)|\bnew\s+NotFound\w*\s*[(<{]")]
    private static partial Regex BareNotFound();
}
