#!/bin/sh
# Installs the Debian packages the product needs to build, run and test.
# Idempotent and quick when everything is present: apt is only called for
# what dpkg does not already report as installed.
set -eu

PKGS="build-essential pkg-config libfcgi-dev libmariadb-dev clearsilver-dev
libsodium-dev zlib1g-dev spawn-fcgi nginx-light mariadb-server mariadb-client
curl python3 wrk valgrind chromium chromium-driver gnuplot-nox fonts-dejavu-core
poppler-utils libxlsxwriter-dev python3-openpyxl time libzip-dev libexpat1-dev
python3-icalendar libreoffice-writer-nogui libreoffice-calc-nogui"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:$missing (run as root to install them)" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >/dev/null
