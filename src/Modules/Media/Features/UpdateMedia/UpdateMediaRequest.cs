namespace Platform.Media.Features.UpdateMedia;

/// <param name="AltText">The new description; null or blank clears it.</param>
internal sealed record UpdateMediaRequest(string? AltText);
