using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sotong.IntegrationTests.Triage;

/// <summary>The command-line import (<c>Sotong.Web triage import file</c>), run as its own process on a SQLite file.</summary>
public sealed class TriageCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sotong-cli-").FullName;

    private string Database => Path.Combine(_dir, "cli.db");

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sotong.Web.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ConnectionStrings__Sotong"] = $"Data Source={Database};Pooling=False";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Triage__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Given_a_history_file_Then_the_command_reports_rows_and_stores_only_when_not_a_dry_run()
    {
        var file = Path.Combine(_dir, "history.csv");
        await File.WriteAllTextAsync(file, "text,division,kind,topic\n\"7011번 버스가 너무 늦어요\",TRN-BUS,민원,교통\n\"쓰레기 수거일 문의\",ENV-RES,Question,\n,TRN-BUS,,\n\"무슨 과\",NOPE,,\n");

        var dry = await RunAsync("triage", "import", file, "--dry-run");
        dry.Exit.ShouldBe(0, dry.Output);
        dry.Output.ShouldContain("4 rows: 0 imported, 2 skipped");
        dry.Output.ShouldContain("row 4 text");
        dry.Output.ShouldContain("row 5 division");
        (await CountAsync()).ShouldBe(0);

        var real = await RunAsync("triage", "import", file, "--no-train");
        real.Exit.ShouldBe(0, real.Output);
        real.Output.ShouldContain("4 rows: 2 imported");
        (await CountAsync()).ShouldBe(2);

        var missing = await RunAsync("triage", "import", Path.Combine(_dir, "nope.csv"));
        missing.Exit.ShouldBe(2);
        missing.Output.ShouldContain("Usage: triage import");
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM triage_example WHERE \"Source\" = 'Import'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
