#!/bin/sh
# Restore a backup of deploy/backup.sh into an EMPTY database and an empty var folder.
# Usage: set -a; . /etc/kek/kek.env; set +a; deploy/restore.sh kek-STAMP.dump kek-media-STAMP.tar.gz
# Create the database first (createdb -O kek kek); stop kek-web and kek-worker meanwhile. Afterwards
# run `manage.py migrate` (a backup of an older version is brought up to date) and start the units.
set -eu
dump=${1:?"Bitte die Sicherung der Datenbank angeben (kek-….dump)"}
media=${2:?"Bitte die Sicherung der Uploads angeben (kek-media-….tar.gz)"}
: "${DATABASE_URL:?DATABASE_URL fehlt (set -a; . /etc/kek/kek.env)}"
: "${KEK_VAR_DIR:?KEK_VAR_DIR fehlt (set -a; . /etc/kek/kek.env)}"
tables=$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [ "$tables" != "0" ]; then
  echo "Die Datenbank ist nicht leer ($tables Tabellen): nichts wiederhergestellt." >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname "$DATABASE_URL" "$dump"
mkdir -p "$KEK_VAR_DIR"
tar -C "$KEK_VAR_DIR" -xzf "$media"
echo "Wiederhergestellt: Datenbank aus $dump, Uploads aus $media nach $KEK_VAR_DIR/media."
