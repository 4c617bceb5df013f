namespace Sotong.Core.Alerts.Sns;

internal static class AlertJson
{
    /// <summary>The start of a body that could not be read, on one line, for an error a person will see.</summary>
    public static string Excerpt(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? "(empty answer)" : line.Length <= 200 ? line : line[..200] + "…";
    }
}
