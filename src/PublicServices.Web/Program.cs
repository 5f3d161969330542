using PublicServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalServices();

var app = builder.Build();
await app.PreparePortalAsync();
app.UsePortalPipeline();
app.MapPortalEndpoints();
app.Run();

/// <summary>Entry point; public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
