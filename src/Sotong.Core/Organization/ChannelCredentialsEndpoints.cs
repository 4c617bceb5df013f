using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Organization;

/// <summary>New credentials for an account; values replace the stored set whole.</summary>
public sealed record SetCredentialsRequest(string? ExternalId, Dictionary<string, string>? Credentials);

/// <summary>Credentials as an administrator sees them: names and the last four characters, never the secret.</summary>
public sealed record MaskedCredentials(Guid AccountId, string? ExternalId, IReadOnlyDictionary<string, string> Credentials);

internal static class ChannelCredentialsEndpoints
{
    public static void Map(RouteGroupBuilder adminApi)
    {
        adminApi.MapGet("/channels/{id:guid}/credentials", async (Guid id, ChannelCredentials credentials, IDbContextFactory<SotongDbContext> dbFactory, CancellationToken ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var account = await db.ChannelAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The account");
                var masked = credentials.Unprotect(account.ProtectedCredentials).ToDictionary(c => c.Key, c => ChannelCredentials.Mask(c.Value));
                return TypedResults.Ok(new MaskedCredentials(id, account.ExternalId, masked));
            })
            .WithName("GetChannelCredentials")
            .WithSummary("An account's credentials, masked");

        adminApi.MapPut("/channels/{id:guid}/credentials", async (Guid id, SetCredentialsRequest request, ChannelCredentials credentials, IDbContextFactory<SotongDbContext> dbFactory,
                TimeProvider time, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            {
                new ValidationBuilder()
                    .When(request.Credentials is null || request.Credentials.Count == 0, "credentials", "Give at least one credential.")
                    .When(request.Credentials?.Any(c => string.IsNullOrWhiteSpace(c.Key) || c.Key.Length > 50 || c.Value is null || c.Value.Length > 2000) == true, "credentials", "Names are 1–50 characters, values at most 2,000.")
                    .When(request.ExternalId is { Length: > 100 }, "externalId", "At most 100 characters.")
                    .ThrowIfAny();
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    if (!await db.ChannelAccounts.AnyAsync(a => a.Id == id, ct))
                    {
                        throw new NotFoundException("The account");
                    }
                }
                await credentials.SetAsync(id, request.Credentials!, request.ExternalId, ct);
                var staff = StaffContext.From(user);
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    // The audit names which credentials changed, never their values.
                    db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(ChannelAccount), id.ToString(), "CredentialsSet", detail: string.Join(",", request.Credentials!.Keys));
                    await db.SaveChangesAsync(ct);
                }
                return TypedResults.NoContent();
            })
            .WithName("SetChannelCredentials")
            .WithSummary("Replace an account's credentials (stored encrypted)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
