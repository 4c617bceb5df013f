using System.Security.Claims;

namespace Sotong.Core.Common.Security;

/// <summary>Who is acting: passed to every staff handler so scoping and auditing never read ambient state.</summary>
public sealed record StaffContext(string UserId, string DisplayName, IReadOnlySet<string> Roles, Guid? DivisionId)
{
    /// <summary>Administrators and communications officers see every division's items.</summary>
    public bool SeesAllDivisions => Roles.Contains(SotongRoles.Administrator) || Roles.Contains(SotongRoles.CommunicationsOfficer);

    /// <summary>True when this person may act on an item owned by <paramref name="divisionId"/>.</summary>
    public bool MayActOn(Guid? divisionId) => SeesAllDivisions || (divisionId is not null && divisionId == DivisionId);

    public static StaffContext From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        var name = user.FindFirstValue(SotongClaims.DisplayName) ?? user.Identity?.Name ?? id;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Guid? division = Guid.TryParse(user.FindFirstValue(SotongClaims.DivisionId), out var d) ? d : null;
        return new StaffContext(id, name, roles, division);
    }
}
