using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_case_message",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttachedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_case_message", x => new { x.CaseId, x.MessageId });
                    table.ForeignKey(
                        name: "FK_cases_case_message_cases_case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_cases_case_message_inbox_message_MessageId",
                        column: x => x.MessageId,
                        principalTable: "inbox_message",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_message_MessageId",
                table: "cases_case_message",
                column: "MessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_case_message");
        }
    }
}
