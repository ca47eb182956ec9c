using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Posts.Data;

/// <summary>
/// Stores enum members by name (RateLimited, AccountPaused), the words the error-kind columns have always held. Reading
/// ignores case: rows written before the kinds were an enum hold "missed".
/// </summary>
internal sealed class EnumName<TEnum>() : ValueConverter<TEnum, string>(value => value.ToString(), text => Parse(text))
    where TEnum : struct, Enum
{
    public static TEnum Parse(string text) => Enum.Parse<TEnum>(text, ignoreCase: true);
}
