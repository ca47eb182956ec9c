using Platform.AI.Generation;

namespace Platform.AI.Features.Shared;

/// <summary>A synchronous generation request: what differs between use cases is only how it becomes an <see cref="AiTask"/>.</summary>
internal interface IGenerationRequest
{
    Guid? TemplateId => null;

    Dictionary<string, string>? Variables => null;

    /// <param name="guidance">The tenant template rendered with the request's variables, if one was named.</param>
    AiTask ToTask(string? guidance);
}
