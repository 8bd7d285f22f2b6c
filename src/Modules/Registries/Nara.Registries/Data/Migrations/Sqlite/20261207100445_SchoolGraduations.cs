using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Registries.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchoolGraduations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registries_school_graduations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    SchoolNameKo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolNameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    GraduatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_school_graduations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registries_school_graduations_registries_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "registries_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registries_school_graduations_ResidentId",
                table: "registries_school_graduations",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registries_school_graduations");
        }
    }
}
