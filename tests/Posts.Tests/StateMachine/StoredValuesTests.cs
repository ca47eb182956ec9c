using Platform.Posts.Data;
using Shouldly;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>The enums keep the words the columns have always held, so stored rows read back without a data migration.</summary>
public sealed class StoredValuesTests
{
    [Test]
    public void Attempt_outcomes_are_the_words_the_outcome_check_allows() =>
        Enum.GetValues<AttemptOutcome>().Select(SnakeCaseEnum<AttemptOutcome>.ToSnake)
            .ShouldBe(["started", "published", "reconciled", "retry", "failed", "unconfirmed"], ignoreOrder: true);

    [TestCase("RateLimited", nameof(TargetErrorKind.RateLimited))]
    [TestCase("AccountPaused", nameof(TargetErrorKind.AccountPaused))]
    [TestCase("NotSent", nameof(TargetErrorKind.NotSent))]
    [TestCase("Unknown", nameof(TargetErrorKind.Unknown))]
    [TestCase("missed", nameof(TargetErrorKind.Missed))]
    public void Error_kinds_stored_before_they_were_an_enum_read_back(string stored, string kind) =>
        EnumName<TargetErrorKind>.Parse(stored).ShouldBe(Enum.Parse<TargetErrorKind>(kind));

    [Test]
    public void Error_kinds_are_stored_by_name() =>
        new EnumName<TargetErrorKind>().ConvertToProvider(TargetErrorKind.AccountPaused).ShouldBe("AccountPaused");
}
