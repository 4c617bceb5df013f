using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Organization;

public enum DepartmentKind
{
    Bureau,
    Division,
}

/// <summary>A node of the organisation tree: a bureau (실·국·본부) or a division (과·담당관) under one.</summary>
public sealed class Department
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public DepartmentKind Kind { get; set; }
    public Guid? ParentId { get; set; }
    public Department? Parent { get; set; }
    public List<Department> Children { get; set; } = [];
    public ChannelField Field { get; set; } = ChannelField.CityNews;
    public int SortOrder { get; set; }

    public string Name(bool english) => english ? NameEn : NameKo;
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("org_department");
        b.HasKey(d => d.Id);
        b.Property(d => d.Code).HasMaxLength(32);
        b.HasIndex(d => d.Code).IsUnique();
        b.Property(d => d.NameKo).HasMaxLength(100);
        b.Property(d => d.NameEn).HasMaxLength(150);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Field).HasConversion<string>().HasMaxLength(32);
        b.HasOne(d => d.Parent).WithMany(d => d.Children).HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
