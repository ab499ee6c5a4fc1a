// Placeholder until the service host lands (issue 5).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
