using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Posts.Data;

/// <summary>Stores enum members as the snake_case words the SQL CHECK constraints list (PartiallyPublished → partially_published).</summary>
internal sealed class SnakeCaseEnum<TEnum>() : ValueConverter<TEnum, string>(value => ToSnake(value), text => FromSnake(text))
    where TEnum : struct, Enum
{
    public static string ToSnake(TEnum value)
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    public static TEnum FromSnake(string text) => Enum.Parse<TEnum>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
