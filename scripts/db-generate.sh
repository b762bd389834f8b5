#!/bin/sh
# Generates the next migration from the Drizzle schema and names it: scripts/db-generate.sh <name>
# (kebab or snake case). Holds a lock so two people generating at once do not both take the same number.
set -eu
name=$(printf '%s' "${1:?usage: scripts/db-generate.sh <name>}" | tr '-' '_')
cd "$(dirname "$0")/.."
exec 9>/tmp/gonghui-db-generate.lock
flock 9
out=$(npx drizzle-kit generate --config apps/server/drizzle.config.ts 2>&1) || { printf '%s\n' "$out"; exit 1; }
file=$(printf '%s\n' "$out" | sed -n 's#.*apps/server/drizzle/\([0-9]*_[a-z_]*\)\.sql.*#\1#p' | tail -1)
if [ -z "$file" ]; then printf '%s\n' "$out" | tail -3; echo "no migration generated (no schema change)"; exit 0; fi
num=${file%%_*}
mv "apps/server/drizzle/$file.sql" "apps/server/drizzle/${num}_$name.sql"
sed -i "s/\"$file\"/\"${num}_$name\"/" apps/server/drizzle/meta/_journal.json
echo "apps/server/drizzle/${num}_$name.sql"
