using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Eligibility.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BenefitGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eligibility_benefit_grants",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Benefit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FirstMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_benefit_grants", x => new { x.ResidentId, x.Benefit });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eligibility_benefit_grants");
        }
    }
}
