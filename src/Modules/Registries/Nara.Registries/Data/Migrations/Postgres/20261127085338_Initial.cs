using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nara.Registries.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registries_addresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DivisionCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RoadAddressKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RoadAddressEn = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_addresses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registries_agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_agencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "registries_divisions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NameKo = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_divisions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "registries_inbox",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_inbox", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "registries_outbox",
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
                    table.PrimaryKey("PK_registries_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registries_households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AddressId = table.Column<long>(type: "bigint", nullable: false),
                    HeadResidentId = table.Column<long>(type: "bigint", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    SingleParent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registries_households_registries_addresses_AddressId",
                        column: x => x.AddressId,
                        principalTable: "registries_addresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registries_incomes",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    MonthlyRecognisedIncome = table.Column<long>(type: "bigint", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_incomes", x => x.HouseholdId);
                    table.ForeignKey(
                        name: "FK_registries_incomes_registries_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "registries_households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_residents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    Nationality = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AddressId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    RelationToHead = table.Column<int>(type: "integer", nullable: false),
                    MovedInOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_residents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registries_residents_registries_addresses_AddressId",
                        column: x => x.AddressId,
                        principalTable: "registries_addresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_registries_residents_registries_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "registries_households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registries_tenancies",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    MonthlyRent = table.Column<long>(type: "bigint", nullable: false),
                    Deposit = table.Column<long>(type: "bigint", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_tenancies", x => x.HouseholdId);
                    table.ForeignKey(
                        name: "FK_registries_tenancies_registries_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "registries_households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_businesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerResidentId = table.Column<long>(type: "bigint", nullable: false),
                    AddressId = table.Column<long>(type: "bigint", nullable: false),
                    Industry = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_businesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registries_businesses_registries_addresses_AddressId",
                        column: x => x.AddressId,
                        principalTable: "registries_addresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_registries_businesses_registries_residents_OwnerResidentId",
                        column: x => x.OwnerResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_daycare_enrolments",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    FacilityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_daycare_enrolments", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_registries_daycare_enrolments_registries_residents_Resident~",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_disabilities",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Degree = table.Column<int>(type: "integer", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_disabilities", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_registries_disabilities_registries_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_driver_licences",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Class = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RenewalDueOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_driver_licences", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_registries_driver_licences_registries_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_family_relations",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    RelatedResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_family_relations", x => new { x.ResidentId, x.Kind, x.RelatedResidentId });
                    table.ForeignKey(
                        name: "FK_registries_family_relations_registries_residents_RelatedRes~",
                        column: x => x.RelatedResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_registries_family_relations_registries_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_health_insurance",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_health_insurance", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_registries_health_insurance_registries_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_jobseekers",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_jobseekers", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_registries_jobseekers_registries_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_passports",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    PassportNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_passports", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_registries_passports_registries_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registries_vehicles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlateNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Model = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FirstRegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastInspectionOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_vehicles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registries_vehicles_registries_residents_OwnerResidentId",
                        column: x => x.OwnerResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registries_addresses_DivisionCode",
                table: "registries_addresses",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_registries_businesses_AddressId",
                table: "registries_businesses",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_businesses_OwnerResidentId",
                table: "registries_businesses",
                column: "OwnerResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_businesses_RegistrationNumber",
                table: "registries_businesses",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registries_divisions_ParentCode",
                table: "registries_divisions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_registries_driver_licences_LicenceNumber",
                table: "registries_driver_licences",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registries_family_relations_RelatedResidentId",
                table: "registries_family_relations",
                column: "RelatedResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_households_AddressId",
                table: "registries_households",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_outbox_DispatchedAt_NextAttemptAt",
                table: "registries_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_registries_passports_PassportNumber",
                table: "registries_passports",
                column: "PassportNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registries_residents_AddressId",
                table: "registries_residents",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_residents_BirthDate",
                table: "registries_residents",
                column: "BirthDate");

            migrationBuilder.CreateIndex(
                name: "IX_registries_residents_HouseholdId",
                table: "registries_residents",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_residents_ResidentNumber",
                table: "registries_residents",
                column: "ResidentNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registries_vehicles_OwnerResidentId",
                table: "registries_vehicles",
                column: "OwnerResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_registries_vehicles_PlateNumber",
                table: "registries_vehicles",
                column: "PlateNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registries_agencies");

            migrationBuilder.DropTable(
                name: "registries_businesses");

            migrationBuilder.DropTable(
                name: "registries_daycare_enrolments");

            migrationBuilder.DropTable(
                name: "registries_disabilities");

            migrationBuilder.DropTable(
                name: "registries_divisions");

            migrationBuilder.DropTable(
                name: "registries_driver_licences");

            migrationBuilder.DropTable(
                name: "registries_family_relations");

            migrationBuilder.DropTable(
                name: "registries_health_insurance");

            migrationBuilder.DropTable(
                name: "registries_inbox");

            migrationBuilder.DropTable(
                name: "registries_incomes");

            migrationBuilder.DropTable(
                name: "registries_jobseekers");

            migrationBuilder.DropTable(
                name: "registries_outbox");

            migrationBuilder.DropTable(
                name: "registries_passports");

            migrationBuilder.DropTable(
                name: "registries_tenancies");

            migrationBuilder.DropTable(
                name: "registries_vehicles");

            migrationBuilder.DropTable(
                name: "registries_residents");

            migrationBuilder.DropTable(
                name: "registries_households");

            migrationBuilder.DropTable(
                name: "registries_addresses");
        }
    }
}
