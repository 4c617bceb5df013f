using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SubscribersRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "GuardianConsent",
                table: "subscribers_subscriber",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "subscribers_challenge",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProtectedPhone = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PhoneLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WrongTries = table.Column<int>(type: "integer", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_challenge", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_consent_notice",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PurposeKo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PurposeEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ItemsKo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ItemsEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RetentionKo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RetentionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RefusalKo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RefusalEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RetentionMonths = table.Column<int>(type: "integer", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_consent_notice", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_household",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DongCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NormalizedLabel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_household", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_challenge_CreatedAtUtc",
                table: "subscribers_challenge",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_challenge_PhoneHash_CreatedAtUtc",
                table: "subscribers_challenge",
                columns: new[] { "PhoneHash", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_household_DongCode_NormalizedLabel",
                table: "subscribers_household",
                columns: new[] { "DongCode", "NormalizedLabel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subscribers_challenge");

            migrationBuilder.DropTable(
                name: "subscribers_consent_notice");

            migrationBuilder.DropTable(
                name: "subscribers_household");

            migrationBuilder.DropColumn(
                name: "GuardianConsent",
                table: "subscribers_subscriber");
        }
    }
}
