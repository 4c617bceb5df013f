using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_qna_published_answer_PublishedAtUtc",
                table: "qna_published_answer");

            migrationBuilder.AlterColumn<Guid>(
                name: "SourceMessageId",
                table: "qna_published_answer",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<bool>(
                name: "IsPublished",
                table: "qna_published_answer",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "MinutesToAnswer",
                table: "qna_published_answer",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Recommendations",
                table: "qna_published_answer",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "qna_published_answer",
                type: "TEXT",
                maxLength: 17000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "SourceCaseId",
                table: "qna_published_answer",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "qna_published_answer",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Answered");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "qna_published_answer",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "qna_published_answer",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnpublishReason",
                table: "qna_published_answer",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnpublishedAtUtc",
                table: "qna_published_answer",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VisibleComments",
                table: "qna_published_answer",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CitizenToken",
                table: "cases_case_message",
                type: "TEXT",
                unicode: false,
                maxLength: 22,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishConsentAtUtc",
                table: "cases_case_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RatedAtUtc",
                table: "cases_case_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "cases_case_message",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "cases_case",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "cases_case",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "open311_api_key",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_api_key", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "qna_comment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnswerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1100, nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ModerationReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ModeratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qna_comment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_qna_comment_qna_published_answer_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "qna_published_answer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qna_recommendation",
                columns: table => new
                {
                    AnswerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoterHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qna_recommendation", x => new { x.AnswerId, x.VoterHash });
                    table.ForeignKey(
                        name: "FK_qna_recommendation_qna_published_answer_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "qna_published_answer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "open311_request",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    AddressString = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    AddressId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApiKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_request", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_open311_request_inbox_message_MessageId",
                        column: x => x.MessageId,
                        principalTable: "inbox_message",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_open311_request_open311_api_key_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "open311_api_key",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "qna_comment_report",
                columns: table => new
                {
                    CommentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qna_comment_report", x => new { x.CommentId, x.ReporterHash });
                    table.ForeignKey(
                        name: "FK_qna_comment_report_qna_comment_CommentId",
                        column: x => x.CommentId,
                        principalTable: "qna_comment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_IsPublished_DivisionId_PublishedAtUtc",
                table: "qna_published_answer",
                columns: new[] { "IsPublished", "DivisionId", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_IsPublished_MinutesToAnswer",
                table: "qna_published_answer",
                columns: new[] { "IsPublished", "MinutesToAnswer" });

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_IsPublished_PublishedAtUtc",
                table: "qna_published_answer",
                columns: new[] { "IsPublished", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_IsPublished_Recommendations",
                table: "qna_published_answer",
                columns: new[] { "IsPublished", "Recommendations" });

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_IsPublished_Topic_PublishedAtUtc",
                table: "qna_published_answer",
                columns: new[] { "IsPublished", "Topic", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_SourceCaseId",
                table: "qna_published_answer",
                column: "SourceCaseId",
                unique: true);

            // Every citizen already attached to a case gets their own key to it.
            migrationBuilder.Sql("UPDATE cases_case_message SET \"CitizenToken\" = lower(hex(randomblob(11)));");

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_message_CitizenToken",
                table: "cases_case_message",
                column: "CitizenToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_api_key_KeyHash",
                table: "open311_api_key",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_request_ApiKeyId",
                table: "open311_request",
                column: "ApiKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_open311_request_RequestedAtUtc",
                table: "open311_request",
                column: "RequestedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_open311_request_ServiceCode_RequestedAtUtc",
                table: "open311_request",
                columns: new[] { "ServiceCode", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_open311_request_Token",
                table: "open311_request",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_qna_comment_AnswerId_State_PostedAtUtc",
                table: "qna_comment",
                columns: new[] { "AnswerId", "State", "PostedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_qna_comment_AuthorHash_PostedAtUtc",
                table: "qna_comment",
                columns: new[] { "AuthorHash", "PostedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_qna_comment_State_PostedAtUtc",
                table: "qna_comment",
                columns: new[] { "State", "PostedAtUtc" });

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open311_request");

            migrationBuilder.DropTable(
                name: "qna_comment_report");

            migrationBuilder.DropTable(
                name: "qna_recommendation");

            migrationBuilder.DropTable(
                name: "open311_api_key");

            migrationBuilder.DropTable(
                name: "qna_comment");

            migrationBuilder.DropIndex(
                name: "IX_qna_published_answer_IsPublished_DivisionId_PublishedAtUtc",
                table: "qna_published_answer");

            migrationBuilder.DropIndex(
                name: "IX_qna_published_answer_IsPublished_MinutesToAnswer",
                table: "qna_published_answer");

            migrationBuilder.DropIndex(
                name: "IX_qna_published_answer_IsPublished_PublishedAtUtc",
                table: "qna_published_answer");

            migrationBuilder.DropIndex(
                name: "IX_qna_published_answer_IsPublished_Recommendations",
                table: "qna_published_answer");

            migrationBuilder.DropIndex(
                name: "IX_qna_published_answer_IsPublished_Topic_PublishedAtUtc",
                table: "qna_published_answer");

            migrationBuilder.DropIndex(
                name: "IX_qna_published_answer_SourceCaseId",
                table: "qna_published_answer");

            migrationBuilder.DropIndex(
                name: "IX_cases_case_message_CitizenToken",
                table: "cases_case_message");

            migrationBuilder.DropColumn(
                name: "IsPublished",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "MinutesToAnswer",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "Recommendations",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "SourceCaseId",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "UnpublishReason",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "UnpublishedAtUtc",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "VisibleComments",
                table: "qna_published_answer");

            migrationBuilder.DropColumn(
                name: "CitizenToken",
                table: "cases_case_message");

            migrationBuilder.DropColumn(
                name: "PublishConsentAtUtc",
                table: "cases_case_message");

            migrationBuilder.DropColumn(
                name: "RatedAtUtc",
                table: "cases_case_message");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "cases_case_message");

            migrationBuilder.DropColumn(
                name: "PublishedAtUtc",
                table: "cases_case");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "cases_case");

            migrationBuilder.AlterColumn<Guid>(
                name: "SourceMessageId",
                table: "qna_published_answer",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_PublishedAtUtc",
                table: "qna_published_answer",
                column: "PublishedAtUtc");
        }
    }
}
