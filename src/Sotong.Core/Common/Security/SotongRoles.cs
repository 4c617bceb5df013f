namespace Sotong.Core.Common.Security;

/// <summary>The staff roles. Names are stored in the Identity role table and used in policies.</summary>
public static class SotongRoles
{
    public const string Administrator = nameof(Administrator);
    public const string CommunicationsOfficer = nameof(CommunicationsOfficer);
    public const string DepartmentOfficer = nameof(DepartmentOfficer);
    public const string Moderator = nameof(Moderator);
    public const string AlertApprover = nameof(AlertApprover);

    public static readonly IReadOnlyList<string> All = [Administrator, CommunicationsOfficer, DepartmentOfficer, Moderator, AlertApprover];
}

/// <summary>Authorization policies, one per kind of work; endpoints and pages name these, never raw roles.</summary>
public static class SotongPolicies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "staff";

    /// <summary>Reads and answers inbox messages (department officers only within their division).</summary>
    public const string InboxWork = "inbox-work";

    /// <summary>Routes messages to any division and sees the whole inbox.</summary>
    public const string CityWide = "city-wide";

    /// <summary>Manages the organisation, staff accounts and channel credentials.</summary>
    public const string Administration = "administration";

    /// <summary>Hides and restores comments on the public answers portal.</summary>
    public const string Moderation = "moderation";

    /// <summary>Writes emergency alerts and follows them (communications officers, alert approvers, administrators).</summary>
    public const string AlertWork = "alert-work";

    /// <summary>Approves emergency alerts: alert approvers only (and never their own; with a current authenticator code).</summary>
    public const string AlertApproval = "alert-approval";
}

/// <summary>Claim types Sotong adds to a staff member's principal.</summary>
public static class SotongClaims
{
    public const string DivisionId = "sotong:division";
    public const string DisplayName = "sotong:name";
}
