using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;
using Sotong.Core.Triage.Training;

namespace Sotong.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/Sotong.Web -- triage import history.csv [--dry-run] [--no-train] [--promote]</c>: imports
/// a labelled history of past messages (CSV or JSON Lines), prints the row report, trains a model from it and, with
/// --promote, makes it live. The same as the model page's import, for files too big to upload or for scripts.
/// </summary>
internal static class TriageCommand
{
    public static bool IsRequested(string[] args) => args.Length > 1 && args[0] == "triage" && args[1] == "import";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var path = args.Length > 2 ? args[2] : null;
        if (path is null || !File.Exists(path))
        {
            await Console.Error.WriteLineAsync("Usage: triage import <file.csv|file.jsonl> [--dry-run] [--no-train] [--promote]");
            return 2;
        }
        var format = ImportTrainingDataHandler.FormatOf(null, path);
        if (format is null)
        {
            await Console.Error.WriteLineAsync("The file must end in .csv, .jsonl or .ndjson.");
            return 2;
        }
        var dryRun = args.Contains("--dry-run");
        var train = !args.Contains("--no-train") && !dryRun;
        var cli = new StaffContext("cli", "Command line", new HashSet<string>(StringComparer.Ordinal) { SotongRoles.Administrator }, null);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        ImportReport report;
        try
        {
            await using var file = File.OpenRead(path);
            report = await scope.ServiceProvider.GetRequiredService<ImportTrainingDataHandler>().ImportAsync(file, format.Value, dryRun, train: false, cli, Path.GetFileName(path), CancellationToken.None);
        }
        catch (RequestValidationException e)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, e.Errors.SelectMany(x => x.Value)));
            return 1;
        }
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.Rows} rows: {report.Imported} imported, {report.Skipped} skipped ({report.Duplicates} duplicates){(dryRun ? " — dry run, nothing stored" : "")}"));
        foreach (var e in report.Errors)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  row {e.Row} {e.Field}: {e.Message}"));
        }
        if (report.ErrorsNotShown > 0)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  … and {report.ErrorsNotShown} more"));
        }
        if (!train || report.Imported == 0)
        {
            // A file imported before (every row a duplicate) is not a failure: importing is idempotent.
            return report.Imported > 0 || dryRun || report.Duplicates == report.Rows ? 0 : 1;
        }
        var training = app.Services.GetRequiredService<TrainingService>();
        var model = await training.CreateAsync(TrainingTrigger.Import, cli.DisplayName, CancellationToken.None);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Training model v{model.Number}…"));
        await training.TrainNowAsync(model.Id, CancellationToken.None);
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var done = await db.Set<TriageModelVersion>().AsNoTracking().SingleAsync(m => m.Id == model.Id);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"v{done.Number} {done.State}: kind macro-F1 {done.KindMacroF1:0.000}, topic macro-F1 {done.TopicMacroF1:0.000}, division accuracy {done.DivisionAccuracy:0.000}, routing accuracy {done.RoutingAccuracy:0.000}{(done.Error is null ? "" : " — " + done.Error)}"));
            if (done.State != ModelState.Ready)
            {
                return 1;
            }
            if (done.IsActive)
            {
                // A city's first model goes live by itself.
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"v{model.Number} is live (the first model goes live by itself)."));
                return 0;
            }
        }
        if (args.Contains("--promote"))
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<ModelsHandler>().PromoteAsync(model.Id, cli, CancellationToken.None);
            }
            catch (RuleViolationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"v{model.Number} is live."));
        }
        else
        {
            await Console.Out.WriteLineAsync("An administrator promotes it on the model page (or run again with --promote).");
        }
        return 0;
    }
}
