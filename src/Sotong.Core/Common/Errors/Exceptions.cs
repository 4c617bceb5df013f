namespace Sotong.Core.Common.Errors;

/// <summary>A workflow rule refused a transition; the API answers 409 with the rule's name and reason.</summary>
public sealed class RuleViolationException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>Input failed validation; the API answers 400 with one message per field.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is not valid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The item does not exist or the caller may not see it (the two are deliberately indistinguishable).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
