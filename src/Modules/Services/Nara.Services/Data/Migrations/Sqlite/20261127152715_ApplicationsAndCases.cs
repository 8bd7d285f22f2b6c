using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Services.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantResidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ServiceSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    PrefilledJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CurrentStep = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    SubmittedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "services_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "services_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantResidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssignedTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DraftDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DraftReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DrafterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DrafterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DraftedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    ApproverId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApproverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    LetterDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VisibleToApplicant = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
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
