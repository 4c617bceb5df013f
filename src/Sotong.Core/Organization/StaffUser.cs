using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Organization;

/// <summary>A staff account. Department officers belong to one division, which scopes what they see.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public Guid? DivisionId { get; set; }
    public Department? Division { get; set; }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.HasOne(u => u.Division).WithMany().HasForeignKey(u => u.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
