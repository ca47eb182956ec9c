using Platform.Host.Database;
using Shouldly;

namespace Platform.Foundation.Tests.Database;

public sealed class TunedDataSourceTests
{
    [Test]
    public void Auto_prepare_and_no_reset_are_the_defaults()
    {
        var settings = TunedDataSource.For("Host=localhost;Username=app").ConnectionStringBuilder;

        settings.MaxAutoPrepare.ShouldBe(TunedDataSource.DefaultMaxAutoPrepare);
        settings.NoResetOnClose.ShouldBeTrue();
    }

    [Test]
    public void A_connection_string_that_sets_them_wins_however_it_spells_them()
    {
        var settings = TunedDataSource.For("Host=localhost;Username=app;max auto prepare=0;NoResetOnClose=false").ConnectionStringBuilder;

        settings.MaxAutoPrepare.ShouldBe(0);
        settings.NoResetOnClose.ShouldBeFalse();
    }
}
