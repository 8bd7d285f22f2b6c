using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Consent.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_data_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ControllerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ControllerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ControllerUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PurposeKo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PurposeCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DataUse = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Dpia = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Forgettable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Lifecycle = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DeliveryIntervalDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ValidityDays = table.Column<int>(type: "INTEGER", nullable: true),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_data_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_inbox", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "consent_outbox",
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
                    table.PrimaryKey("PK_consent_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IndustrySector = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DataRetentionPeriodDays = table.Column<int>(type: "INTEGER", nullable: false),
                    GeographicRestriction = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StorageLocation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataAgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataAgreementRevisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataAgreementRevisionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DataAgreementVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    IndividualId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OptIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ValidFrom = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    ValidUntil = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    WithdrawnAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    RevisionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemaName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    SerializedSnapshot = table.Column<string>(type: "TEXT", nullable: false),
                    SerializedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PredecessorHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Timestamp = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    AuthorizedByIndividual = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AuthorizedByOther = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_revisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Jws = table.Column<string>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedAs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Timestamp = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_signatures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consent_data_agreements_ControllerId",
                table: "consent_data_agreements",
                column: "ControllerId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_outbox_DispatchedAt_NextAttemptAt",
                table: "consent_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consent_records_DataAgreementId",
                table: "consent_records",
                column: "DataAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_records_IndividualId_DataAgreementId",
                table: "consent_records",
                columns: new[] { "IndividualId", "DataAgreementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consent_revisions_ObjectId_Sequence",
                table: "consent_revisions",
                columns: new[] { "ObjectId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consent_signatures_ConsentRecordId",
                table: "consent_signatures",
                column: "ConsentRecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_data_agreements");

            migrationBuilder.DropTable(
                name: "consent_inbox");

            migrationBuilder.DropTable(
                name: "consent_outbox");

            migrationBuilder.DropTable(
                name: "consent_policies");

            migrationBuilder.DropTable(
                name: "consent_records");

            migrationBuilder.DropTable(
                name: "consent_revisions");

            migrationBuilder.DropTable(
                name: "consent_signatures");
        }
    }
}
