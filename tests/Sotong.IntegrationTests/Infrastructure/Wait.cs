namespace Sotong.IntegrationTests.Infrastructure;

/// <summary>Polling for work the app finishes in the background (training, grouping, sending), with a deadline.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan patience, int everyMs = 100)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Waited {patience.TotalSeconds} s for {what}.");
            }
            await Task.Delay(everyMs);
        }
    }
}
