using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications_clients",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TestMode = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestsPerSecond = table.Column<int>(type: "INTEGER", nullable: true),
                    Burst = table.Column<int>(type: "INTEGER", nullable: true),
                    DailyCap = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_clients", x => x.ClientId);
                });

            migrationBuilder.CreateTable(
                name: "notifications_daily_usage",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_daily_usage", x => new { x.ClientId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "notifications_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_inbox", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "notifications_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TemplateId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Test = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    NextAttemptAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    SentAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    CompletedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    NextAttemptAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    DispatchedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_templates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectKo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodyKo = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    SmsBodyKo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubjectEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SmsBodyEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_templates", x => new { x.Id, x.Version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_messages_AccountId_Channel_CreatedAt",
                table: "notifications_messages",
                columns: new[] { "AccountId", "Channel", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_messages_RequestId",
                table: "notifications_messages",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_messages_Status_NextAttemptAt",
                table: "notifications_messages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_outbox_DispatchedAt_NextAttemptAt",
                table: "notifications_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_requests_ClientId_IdempotencyKey",
                table: "notifications_requests",
                columns: new[] { "ClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_templates_AgencyCode",
                table: "notifications_templates",
                column: "AgencyCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications_clients");

            migrationBuilder.DropTable(
                name: "notifications_daily_usage");

            migrationBuilder.DropTable(
                name: "notifications_inbox");

            migrationBuilder.DropTable(
                name: "notifications_messages");

            migrationBuilder.DropTable(
                name: "notifications_outbox");

            migrationBuilder.DropTable(
                name: "notifications_requests");

            migrationBuilder.DropTable(
                name: "notifications_templates");
        }
    }
}
