using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Consent.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyThirdPartyDataSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ThirdPartyDataSharing",
                table: "consent_policies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ThirdPartyDataSharing",
                table: "consent_policies");
        }
    }
}
