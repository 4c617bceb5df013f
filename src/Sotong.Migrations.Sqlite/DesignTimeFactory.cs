using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;

namespace Sotong.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without starting the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SotongDbContext>
{
    public SotongDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SotongDbContext>();
        DataModule.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new SotongDbContext(options.Options);
    }
}
