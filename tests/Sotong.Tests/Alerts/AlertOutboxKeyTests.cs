using Sotong.Core.Alerts.Issue;

namespace Sotong.Tests.Alerts;

public sealed class AlertOutboxKeyTests
{
    [Fact]
    public void An_alerts_outbox_keys_are_short_distinct_per_alert_and_safe_in_any_collation()
    {
        var alert = Guid.Parse("0193a5b2-7c1d-7e2f-8a3b-4c5d6e7f8091");

        var prefix = AlertIssuer.KeyPrefix(alert);
        var key = prefix + Guid.Parse("0193a5b2-0000-7000-8000-000000000001");

        prefix.Length.ShouldBe(24);
        key.Length.ShouldBe(60);
        key.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == ':');
        AlertIssuer.KeyPrefix(alert).ShouldBe(prefix);
        AlertIssuer.KeyPrefix(Guid.Parse("0193a5b2-7c1d-7e2f-8a3b-4c5d6e7f8092")).ShouldNotBe(prefix);
    }
}
