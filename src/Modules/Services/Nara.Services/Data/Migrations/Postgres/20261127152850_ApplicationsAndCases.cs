using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nara.Services.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationsAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "services_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantResidentId = table.Column<long>(type: "bigint", nullable: true),
                    ServiceSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AnswersJson = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    PrefilledJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CurrentStep = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "services_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "services_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantResidentId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssignedTo = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DraftDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DraftReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DrafterId = table.Column<Guid>(type: "uuid", nullable: true),
                    DrafterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DraftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApproverId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApproverName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LetterDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_cases_services_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "services_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_case_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VisibleToApplicant = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_case_events_services_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "services_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_information_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AskedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_information_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_information_requests_services_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "services_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_services_applications_ApplicantAccountId_IdempotencyKey",
                table: "services_applications",
                columns: new[] { "ApplicantAccountId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_applications_ApplicantAccountId_UpdatedAt",
                table: "services_applications",
                columns: new[] { "ApplicantAccountId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_services_case_events_CaseId_Id",
                table: "services_case_events",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_services_cases_Agency_Status_DueOn",
                table: "services_cases",
                columns: new[] { "Agency", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_services_cases_ApplicantAccountId",
                table: "services_cases",
                column: "ApplicantAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_services_cases_ApplicationId",
                table: "services_cases",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_services_cases_ServiceSlug_Status",
                table: "services_cases",
                columns: new[] { "ServiceSlug", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_services_documents_ApplicationId",
                table: "services_documents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_services_information_requests_CaseId",
                table: "services_information_requests",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_case_events");

            migrationBuilder.DropTable(
                name: "services_documents");

            migrationBuilder.DropTable(
                name: "services_information_requests");

            migrationBuilder.DropTable(
                name: "services_cases");

            migrationBuilder.DropTable(
                name: "services_applications");
        }
    }
}
