using System.Globalization;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace Platform.Host.Jobs.Publishing;

/// <summary>
/// A publishing page in the dashboard's own layout, built from data already read. Every value goes through
/// <see cref="RazorPage.Write(object)"/>, which HTML-encodes it; markup is written only from literals here.
/// </summary>
internal abstract class PublishingPage(string title) : RazorPage
{
    public override void Execute()
    {
        Layout = new LayoutPage(title);
        WriteLiteral("<div class=\"row\"><div class=\"col-md-3\"><div class=\"list-group\">");
        foreach (var section in PublishingDashboard.Sections)
        {
            WriteLiteral("<a class=\"list-group-item");
            WriteLiteral(RequestPath.Equals(section.Path, StringComparison.OrdinalIgnoreCase) ? " active" : "");
            WriteLiteral("\" href=\"");
            Write(Url.To(section.Path));
            WriteLiteral("\">");
            Write(section.Title);
            WriteLiteral("</a>");
        }
        WriteLiteral("</div>");
        SignOutForm();
        WriteLiteral("</div><div class=\"col-md-9\"><h1 class=\"page-header\">");
        Write(title);
        WriteLiteral("</h1>");
        Body();
        WriteLiteral("</div></div>");
    }

    /// <summary>The page's own content, after its heading.</summary>
    protected abstract void Body();

    protected void Table(IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows, string whenEmpty)
    {
        var any = false;
        foreach (var row in rows)
        {
            if (!any)
            {
                WriteLiteral("<div class=\"table-responsive\"><table class=\"table table-striped\"><thead><tr>");
                foreach (var heading in headings)
                {
                    WriteLiteral("<th>");
                    Write(heading);
                    WriteLiteral("</th>");
                }
                WriteLiteral("</tr></thead><tbody>");
                any = true;
            }
            WriteLiteral("<tr>");
            foreach (var cell in row)
            {
                WriteLiteral("<td>");
                Write(Display(cell));
                WriteLiteral("</td>");
            }
            WriteLiteral("</tr>");
        }
        if (any)
        {
            WriteLiteral("</tbody></table></div>");
            return;
        }
        WriteLiteral("<div class=\"alert alert-success\">");
        Write(whenEmpty);
        WriteLiteral("</div>");
    }

    protected static string Lateness(TimeSpan lateness) =>
        lateness <= TimeSpan.Zero ? "on time" : lateness.ToString(lateness.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static string Display(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Posts to the dashboard's own sign-out with the antiforgery token the dashboard issued for this page.
    private void SignOutForm()
    {
        WriteLiteral("<form method=\"post\" action=\"");
        Write(Url.To(DashboardSignOut.DashboardPath));
        WriteLiteral("\"><input type=\"hidden\" name=\"");
        Write(DashboardSignOut.TokenField);
        WriteLiteral("\" value=\"");
        Write(Context.AntiforgeryToken);
        WriteLiteral("\"><button type=\"submit\" class=\"btn btn-default btn-sm\">Sign out</button></form>");
    }
}
