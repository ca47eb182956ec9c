using System.Globalization;
using FluentValidation;

namespace Platform.Posts.Features.SchedulePost;

/// <param name="ScheduledAt">ISO 8601. With an offset ("2026-12-01T09:00:00+01:00" or "...Z") it is that instant;
/// without one it is a wall-clock time in <paramref name="TimeZone"/> (IANA, default UTC).</param>
internal sealed record ScheduleRequest(string ScheduledAt, string? TimeZone)
{
    public bool TryResolve(out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParse(ScheduledAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }
        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            return DateTimeOffset.TryParse(ScheduledAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant)
                && (instant = instant.ToUniversalTime()) != default;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "UTC", out var zone) || zone.IsInvalidTime(parsed))
        {
            return false;
        }
        instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(parsed, zone), TimeSpan.Zero);
        return true;
    }
}

internal sealed class ScheduleRequestValidator : AbstractValidator<ScheduleRequest>
{
    public ScheduleRequestValidator()
    {
        RuleFor(r => r.TimeZone).Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone!, out _))
            .When(r => r.TimeZone is not null).WithMessage("Unknown IANA time zone.");
        RuleFor(r => r.ScheduledAt).NotEmpty().Must((request, _) => request.TryResolve(out DateTimeOffset _))
            .WithMessage("Not a valid ISO 8601 time (or it does not exist in that time zone).");
    }
}
