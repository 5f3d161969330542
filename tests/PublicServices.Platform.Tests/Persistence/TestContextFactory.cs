using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

public sealed class TestContextFactory(DatabaseOptions options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => TestDatabases.Context(options);
}
