using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Consent.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ControllerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ControllerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ControllerUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PurposeKo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PurposeCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LawfulBasis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DataUse = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Dpia = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Forgettable = table.Column<bool>(type: "boolean", nullable: false),
                    Lifecycle = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeliveryIntervalDays = table.Column<int>(type: "integer", nullable: true),
                    ValidityDays = table.Column<int>(type: "integer", nullable: true),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<string>(type: "text", nullable: false),
                    Attributes = table.Column<string>(type: "text", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_data_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_inbox", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "consent_outbox",
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
                    table.PrimaryKey("PK_consent_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IndustrySector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DataRetentionPeriodDays = table.Column<int>(type: "integer", nullable: false),
                    GeographicRestriction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StorageLocation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DataAgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    DataAgreementRevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DataAgreementRevisionHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DataAgreementVersion = table.Column<int>(type: "integer", nullable: false),
                    IndividualId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OptIn = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevisionCount = table.Column<int>(type: "integer", nullable: false),
                    HeadHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignatureId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemaName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    SerializedSnapshot = table.Column<string>(type: "text", nullable: false),
                    SerializedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PredecessorHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuthorizedByIndividual = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AuthorizedByOther = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_revisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Jws = table.Column<string>(type: "text", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedAs = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
