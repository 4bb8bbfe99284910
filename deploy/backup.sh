#!/bin/sh
# Backup of the KEK-Portal: the database (pg_dump, custom format) and the uploads (KEK_VAR_DIR/media).
# Usage, as the kek user:  set -a; . /etc/kek/kek.env; set +a; deploy/backup.sh /var/backups/kek
# Writes kek-STAMP.dump and kek-media-STAMP.tar.gz and prints their names. Consistent while the
# portal runs (pg_dump reads one snapshot); uploads written during the backup may be missing from it.
set -eu
target=${1:?"Bitte den Zielordner angeben: deploy/backup.sh ORDNER"}
: "${DATABASE_URL:?DATABASE_URL fehlt (set -a; . /etc/kek/kek.env)}"
: "${KEK_VAR_DIR:?KEK_VAR_DIR fehlt (set -a; . /etc/kek/kek.env)}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file "$target/kek-$stamp.dump" "$DATABASE_URL"
mkdir -p "$KEK_VAR_DIR/media"
tar -C "$KEK_VAR_DIR" -czf "$target/kek-media-$stamp.tar.gz" media
echo "$target/kek-$stamp.dump"
echo "$target/kek-media-$stamp.tar.gz"
