using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Organization.Staff;

/// <summary>
/// Creates the first administrator from the CLI or from configuration. There is no default password: without one
/// given, nothing is created.
/// </summary>
public sealed partial class AdminBootstrap(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, ILogger<AdminBootstrap> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in SotongRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>Creates the administrator, or adds the role to an existing account. Returns false when it already was one.</summary>
    public async Task<bool> EnsureAdministratorAsync(string email, string password, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email };
            Ensure(await users.CreateAsync(user, password));
        }
        else if (await users.IsInRoleAsync(user, SotongRoles.Administrator))
        {
            return false;
        }
        Ensure(await users.AddToRoleAsync(user, SotongRoles.Administrator));
        LogCreated(logger, user.Id);
        return true;
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Administrator account {UserId} created by bootstrap")]
    private static partial void LogCreated(ILogger logger, string userId);
}
