using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_canned_answer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_canned_answer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_contact",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_contact", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_contact_link",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivingContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LinkedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LinkedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_contact_link", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_outbound_reply",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProviderMessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_outbound_reply", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_department",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_department", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_department_org_department_ParentId",
                        column: x => x.ParentId,
                        principalTable: "org_department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "org_role",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_role", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "qna_published_answer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceMessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MaskedQuestion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MaskedAnswer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DivisionNameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DivisionNameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    AskedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qna_published_answer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sec_data_protection_key",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sec_data_protection_key", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sec_stored_secret",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sec_stored_secret", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "inbox_contact_identity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LookupHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MaskedValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_contact_identity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbox_contact_identity_inbox_contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "inbox_contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inbox_message",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FollowKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProviderMessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CitizenName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChannelAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReplyContext = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConsentToPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedToId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_message", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbox_message_org_department_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "org_department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "org_channel_account",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Handle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwningDivisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FollowerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IsMayorAccount = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProtectedCredentials = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_channel_account", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_channel_account_org_department_OwningDivisionId",
                        column: x => x.OwningDivisionId,
                        principalTable: "org_department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "org_staff",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_staff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_staff_org_department_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "org_department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "org_role_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_role_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_role_claim_org_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "org_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_staff_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_staff_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_staff_claim_org_staff_UserId",
                        column: x => x.UserId,
                        principalTable: "org_staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_staff_login",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_staff_login", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_org_staff_login_org_staff_UserId",
                        column: x => x.UserId,
                        principalTable: "org_staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_staff_role",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_staff_role", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_org_staff_role_org_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "org_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_org_staff_role_org_staff_UserId",
                        column: x => x.UserId,
                        principalTable: "org_staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_staff_token",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_staff_token", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_org_staff_token_org_staff_UserId",
                        column: x => x.UserId,
                        principalTable: "org_staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entry_EntityType_EntityId_AtUtc",
                table: "audit_entry",
                columns: new[] { "EntityType", "EntityId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_canned_answer_DivisionId_Title",
                table: "inbox_canned_answer",
                columns: new[] { "DivisionId", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_contact_identity_ContactId",
                table: "inbox_contact_identity",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_contact_identity_Kind_LookupHash",
                table: "inbox_contact_identity",
                columns: new[] { "Kind", "LookupHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_contact_link_MergedContactId",
                table: "inbox_contact_link",
                column: "MergedContactId");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_AssignedToId_ReceivedAtUtc",
                table: "inbox_message",
                columns: new[] { "AssignedToId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_Channel_ProviderMessageId",
                table: "inbox_message",
                columns: new[] { "Channel", "ProviderMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_ChannelAccountId_ReceivedAtUtc",
                table: "inbox_message",
                columns: new[] { "ChannelAccountId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_ContactId_ReceivedAtUtc",
                table: "inbox_message",
                columns: new[] { "ContactId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_DivisionId_ReceivedAtUtc",
                table: "inbox_message",
                columns: new[] { "DivisionId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_ReceiptNumber",
                table: "inbox_message",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_Status_ReceivedAtUtc",
                table: "inbox_message",
                columns: new[] { "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_outbound_reply_IdempotencyKey",
                table: "inbox_outbound_reply",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_outbound_reply_MessageId_CreatedAtUtc",
                table: "inbox_outbound_reply",
                columns: new[] { "MessageId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_outbound_reply_State_CreatedAtUtc",
                table: "inbox_outbound_reply",
                columns: new[] { "State", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_org_channel_account_OwningDivisionId",
                table: "org_channel_account",
                column: "OwningDivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_org_channel_account_Platform_ExternalId",
                table: "org_channel_account",
                columns: new[] { "Platform", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_org_channel_account_Platform_Handle",
                table: "org_channel_account",
                columns: new[] { "Platform", "Handle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_department_Code",
                table: "org_department",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_department_ParentId",
                table: "org_department",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "org_role",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_role_claim_RoleId",
                table: "org_role_claim",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "org_staff",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_org_staff_DivisionId",
                table: "org_staff",
                column: "DivisionId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "org_staff",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_staff_claim_UserId",
                table: "org_staff_claim",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_org_staff_login_UserId",
                table: "org_staff_login",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_org_staff_role_RoleId",
                table: "org_staff_role",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_PublishedAtUtc",
                table: "qna_published_answer",
                column: "PublishedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_qna_published_answer_SourceMessageId",
                table: "qna_published_answer",
                column: "SourceMessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entry");

            migrationBuilder.DropTable(
                name: "inbox_canned_answer");

            migrationBuilder.DropTable(
                name: "inbox_contact_identity");

            migrationBuilder.DropTable(
                name: "inbox_contact_link");

            migrationBuilder.DropTable(
                name: "inbox_message");

            migrationBuilder.DropTable(
                name: "inbox_outbound_reply");

            migrationBuilder.DropTable(
                name: "org_channel_account");

            migrationBuilder.DropTable(
                name: "org_role_claim");

            migrationBuilder.DropTable(
                name: "org_staff_claim");

            migrationBuilder.DropTable(
                name: "org_staff_login");

            migrationBuilder.DropTable(
                name: "org_staff_role");

            migrationBuilder.DropTable(
                name: "org_staff_token");

            migrationBuilder.DropTable(
                name: "qna_published_answer");

            migrationBuilder.DropTable(
                name: "sec_data_protection_key");

            migrationBuilder.DropTable(
                name: "sec_stored_secret");

            migrationBuilder.DropTable(
                name: "inbox_contact");

            migrationBuilder.DropTable(
                name: "org_role");

            migrationBuilder.DropTable(
                name: "org_staff");

            migrationBuilder.DropTable(
                name: "org_department");
        }
    }
}
