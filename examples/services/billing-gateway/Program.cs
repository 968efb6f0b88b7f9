using System.Globalization;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/healthz", () => Results.NoContent());

// Bills are rendered in the customer's culture, e.g. "1.234,50 €" for de-AT.
app.MapGet("/v1/bills/{customerId}/preview", (string customerId, decimal amount, string culture) =>
{
    var format = CultureInfo.GetCultureInfo(culture);
    return Results.Ok(new { customerId, amount = amount.ToString("C", format) });
});

app.Run();
