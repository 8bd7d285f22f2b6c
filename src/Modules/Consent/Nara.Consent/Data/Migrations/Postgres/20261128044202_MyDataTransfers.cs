using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Consent.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MyDataTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_mydata_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AvailableAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CollectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_mydata_packages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_mydata_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndividualId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecipientClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datasets = table.Column<string>(type: "text", nullable: false),
                    Schedule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DataAgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Periods = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_mydata_transfers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consent_mydata_packages_TransferId_Sequence",
                table: "consent_mydata_packages",
                columns: new[] { "TransferId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consent_mydata_transfers_IndividualId",
                table: "consent_mydata_transfers",
                column: "IndividualId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_mydata_transfers_RecipientClientId",
                table: "consent_mydata_transfers",
                column: "RecipientClientId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_mydata_transfers_State_NextRunAt",
                table: "consent_mydata_transfers",
                columns: new[] { "State", "NextRunAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_mydata_packages");

            migrationBuilder.DropTable(
                name: "consent_mydata_transfers");
        }
    }
}
