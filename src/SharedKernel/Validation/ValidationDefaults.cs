using FluentValidation;

namespace Platform.SharedKernel.Validation;

public static class ValidationDefaults
{
    /// <summary>
    /// A rule stops at its first failure, so <c>NotNull().Must(list =&gt; list.Count ...)</c> never sees the null
    /// it has just refused: a missing collection answers 400 instead of a null reference.
    /// </summary>
    public static void StopEachRuleAtItsFirstFailure() =>
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
}
