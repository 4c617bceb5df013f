using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Organization.Staff;

/// <summary>Puts the staff member's division and display name into their sign-in cookie, so scoping needs no query.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SotongClaims.DisplayName, user.DisplayName));
        if (user.DivisionId is { } division)
        {
            identity.AddClaim(new Claim(SotongClaims.DivisionId, division.ToString()));
        }
        return identity;
    }
}
