using Sotong.Core.Common.Data;
using Sotong.Core.Organization.Staff;

namespace Sotong.Web.Auth;

/// <summary>
/// <c>dotnet run --project src/Sotong.Web -- create-admin --email it@city.go.kr [--name "Kim"]</c>; the password comes
/// from SOTONG_ADMIN_PASSWORD or is read from standard input, never from the command line (it would sit in the shell history).
/// </summary>
internal static class AdminCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <address> [--name <display name>]  (password from SOTONG_ADMIN_PASSWORD or stdin)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("SOTONG_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await Console.Out.WriteAsync("Password: ");
            password = await Console.In.ReadLineAsync();
        }
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password given.");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAdministratorAsync(email, password, name);
            await Console.Out.WriteLineAsync(created ? $"Administrator {email} is ready." : $"{email} already was an administrator.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
