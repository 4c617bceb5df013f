using Microsoft.EntityFrameworkCore;

namespace Sotong.Core.Alerts;

/// <summary>The earlier messages an update or cancellation follows, walked back through <see cref="Alert.ReferencesId"/>.</summary>
internal static class AlertChain
{
    /// <summary>Oldest first; tracked or not as <paramref name="alerts"/> is. At most 100, against a cycle no rule allows.</summary>
    public static async Task<List<Alert>> EarlierAsync(IQueryable<Alert> alerts, Alert alert, CancellationToken ct)
    {
        var chain = new List<Alert>();
        var next = alert.ReferencesId;
        while (next is { } id && chain.Count < 100 && await alerts.FirstOrDefaultAsync(a => a.Id == id, ct) is { } earlier)
        {
            chain.Insert(0, earlier);
            next = earlier.ReferencesId;
        }
        return chain;
    }
}
