using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Eligibility.Data.Migrations.Postgres
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
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_inbox", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "eligibility_matching_consents",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    OptedIn = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_matching_consents", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_opportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    NotifyResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_opportunities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_pending_households",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_pending_households", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_results",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Results = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_results", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false),
                    Determinations = table.Column<long>(type: "bigint", nullable: false),
                    ResultsChanged = table.Column<int>(type: "integer", nullable: false),
                    NewlyEligible = table.Column<int>(type: "integer", nullable: false),
                    NoLongerEligible = table.Column<int>(type: "integer", nullable: false),
                    DueSoon = table.Column<int>(type: "integer", nullable: false),
                    Notifications = table.Column<int>(type: "integer", nullable: false),
                    DurationMs = table.Column<long>(type: "bigint", nullable: false)
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
