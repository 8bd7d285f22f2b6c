#!/usr/bin/env bash
# Adds a migration for one module on both providers: scripts/add-migration.sh Registries AddVehicles
set -euo pipefail
module="$1"; name="$2"
cd "$(dirname "$0")/.."
project="src/Modules/$module/Nara.$module"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" \
    --context "${module}${provider}DbContext" --output-dir "Data/Migrations/$provider"
done
