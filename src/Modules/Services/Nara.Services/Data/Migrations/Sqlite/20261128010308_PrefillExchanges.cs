using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Services.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrefillExchanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PrefillExchangesJson",
                table: "services_applications",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PrefillExchangesJson",
                table: "services_applications");
        }
    }
}
