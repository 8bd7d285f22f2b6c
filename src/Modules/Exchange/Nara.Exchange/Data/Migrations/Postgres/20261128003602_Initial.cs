using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_access_alerts",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_access_alerts", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "exchange_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_inbox", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "exchange_members",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Instance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberClass = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_outbox",
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
                    table.PrimaryKey("PK_exchange_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Client = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    ClientAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Service = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Issue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConsentRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectResidentId = table.Column<long>(type: "bigint", nullable: true),
                    Attributes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Refusal = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DurationMs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_subsystems",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_subsystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exchange_subsystems_exchange_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "exchange_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exchange_services",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubsystemId = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProviderUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TimeoutMs = table.Column<int>(type: "integer", nullable: false),
                    Attributes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Purposes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DataAgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exchange_services_exchange_subsystems_SubsystemId",
                        column: x => x.SubsystemId,
                        principalTable: "exchange_subsystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exchange_access_rights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_access_rights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exchange_access_rights_exchange_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "exchange_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_access_rights_ServiceId_ClientId",
                table: "exchange_access_rights",
                columns: new[] { "ServiceId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_DispatchedAt_NextAttemptAt",
                table: "exchange_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_records_Client_Time",
                table: "exchange_records",
                columns: new[] { "Client", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_records_SubjectResidentId_Time",
                table: "exchange_records",
                columns: new[] { "SubjectResidentId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_services_SubsystemId",
                table: "exchange_services",
                column: "SubsystemId");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_subsystems_MemberId",
                table: "exchange_subsystems",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_access_alerts");

            migrationBuilder.DropTable(
                name: "exchange_access_rights");

            migrationBuilder.DropTable(
                name: "exchange_inbox");

            migrationBuilder.DropTable(
                name: "exchange_outbox");

            migrationBuilder.DropTable(
                name: "exchange_records");

            migrationBuilder.DropTable(
                name: "exchange_services");

            migrationBuilder.DropTable(
                name: "exchange_subsystems");

            migrationBuilder.DropTable(
                name: "exchange_members");
        }
    }
}
