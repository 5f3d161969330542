#!/usr/bin/env bash
# While nothing has shipped, the initial migration is the model's CREATE script for each provider. Once a release has
# run against real data, never regenerate 0001: add NNNN_name.sql scripts by hand (see docs/architecture.md).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/PublicServices.Cli -v q -nologo >/dev/null
tmp=$(mktemp -d)
Database__DataPath=$tmp dotnet run --project src/PublicServices.Cli --no-build -- db script \
  > src/PublicServices.Platform/Persistence/Migrations/Sqlite/0001_initial.sql
Database__Provider=Postgres ConnectionStrings__Default="Host=localhost;Database=unused;Username=unused" \
  dotnet run --project src/PublicServices.Cli --no-build -- db script \
  > src/PublicServices.Platform/Persistence/Migrations/Postgres/0001_initial.sql
rm -rf "$tmp"
