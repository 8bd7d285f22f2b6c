using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Eligibility.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Matching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eligibility_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_inbox", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "eligibility_matching_consents",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    OptedIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_matching_consents", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_opportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifyResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_opportunities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_outbox",
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
                    table.PrimaryKey("PK_eligibility_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_pending_households",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Since = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_pending_households", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_results",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Results = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_results", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    StartedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    FinishedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false),
                    Determinations = table.Column<long>(type: "INTEGER", nullable: false),
                    ResultsChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    NewlyEligible = table.Column<int>(type: "INTEGER", nullable: false),
                    NoLongerEligible = table.Column<int>(type: "INTEGER", nullable: false),
                    DueSoon = table.Column<int>(type: "INTEGER", nullable: false),
                    Notifications = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_opportunities_ResidentId_Subject_Kind_Period",
                table: "eligibility_opportunities",
                columns: new[] { "ResidentId", "Subject", "Kind", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_opportunities_RunId",
                table: "eligibility_opportunities",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_outbox_DispatchedAt_NextAttemptAt",
                table: "eligibility_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_results_HouseholdId",
                table: "eligibility_results",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_runs_StartedAt",
                table: "eligibility_runs",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eligibility_inbox");

            migrationBuilder.DropTable(
                name: "eligibility_matching_consents");

            migrationBuilder.DropTable(
                name: "eligibility_opportunities");

            migrationBuilder.DropTable(
                name: "eligibility_outbox");

            migrationBuilder.DropTable(
                name: "eligibility_pending_households");

            migrationBuilder.DropTable(
                name: "eligibility_results");

            migrationBuilder.DropTable(
                name: "eligibility_runs");
        }
    }
}
