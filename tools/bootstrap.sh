#!/usr/bin/env bash
# Installs what Îlot needs on Debian 12 (as root) and then either starts the kiosk in demo mode or runs the
# whole test suite. The README's two commands call this script; so does .ci/run.
#
#   bash tools/bootstrap.sh demo   system packages + .venv + the kiosk, a hub on loopback, then `kiosk run --demo`
#   bash tools/bootstrap.sh test   the same plus the test needs, then ruff and the whole test suite
#   bash tools/bootstrap.sh test tests/unit/hub …   the same, but pytest runs only what follows "test"
set -euo pipefail

mode=${1:-}
case "$mode" in demo|test) ;; *) echo "usage: bash tools/bootstrap.sh demo|test [PYTEST ARGS…]" >&2; exit 2 ;; esac
shift
cd "$(dirname "$0")/.."

# Qt and QtWebEngine from the pip wheels need these libraries on a minimal Debian 12 (see QT-NOTES.md).
runtime_packages=(
  python3 python3-venv python3-pip
  xvfb xauth libglib2.0-0 libfontconfig1 libdbus-1-3 libnss3 libxkbcommon-x11-0 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 libxcb-xkb1 libegl1 libgl1 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxshmfence1
  libgbm1 libasound2 libpulse0 fonts-dejavu-core
  sane-utils  # scanimage: the scanner driver runs in its own process
  dbus-daemon  # the kiosk's own session bus when none is given (kiosk/session_bus.py)
)
# cups: the print server the tests start privately (cups-filters' pdftopdf applies copies and page ranges);
# cups-ipp-utils: ippeveprinter, the IPP printer behind each test queue (on a private dbus-daemon);
# binutils, libpython: PyInstaller; xdotool: touches a kiosk process's screen; sqlite3: reads its database
# after a kill -9; dbus-x11: the dbus-launch Qt autolaunches without a session bus, whose leftovers the tests
# look for; postgresql: the hub's tests run again on a throwaway cluster of their own (tests/postgres.py),
# with initdb and pg_ctl as its postgres user (postgresql-client, pg_dump and psql, comes with it)
test_packages=(
  imagemagick x11-utils binutils libpython3.11 cups cups-client cups-filters cups-ipp-utils
  xdotool sqlite3 dbus-x11 postgresql
  chromium  # headless: opens the hub's statistics and fleet pages, takes their screenshots
)
# The demo prints to PDF files (cups-pdf) and scans from SANE's virtual test scanner; import (imagemagick)
# takes the README's picture of the demo's virtual screen.
demo_packages=(cups cups-client printer-driver-cups-pdf imagemagick)

packages=("${runtime_packages[@]}")
[ "$mode" = test ] && packages+=("${test_packages[@]}")
[ "$mode" = demo ] && packages+=("${demo_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Run this script as root, or install them first." >&2
    exit 1
  fi
  if [[ " ${missing[*]} " == *" postgresql "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    # Installing it would make a default cluster and try to start it as a service (there may be no systemd
    # to do so): the tests never use that one, so it is not made (postgresql-common reads this folder).
    mkdir -p /etc/postgresql-common/createcluster.d
    printf '%s\n' "# Îlot's tools/bootstrap.sh test: its tests make their own cluster" \
      "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/ilot-tests.conf
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$mode" = test ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e '.[hub]'  # the demo runs a hub on loopback too
fi

export QTWEBENGINE_DISABLE_SANDBOX=1   # QtWebEngine refuses to run as root with its sandbox on

if [ "$mode" = demo ]; then
  bash tools/demo-devices.sh || echo "The demo starts anyway, without what the lines above say is missing."
  # The demo's hub, on loopback (SQLite in .venv/demo-hub), and the demo kiosk's site.yaml with its token.
  # The hub is a child of this script (--pdeathsig): it stops with the demo.
  export ILOT_HUB_DATA_DIR="$PWD/.venv/demo-hub" demo_hub=http://127.0.0.1:8470/
  demo_config=.venv/demo-config
  mkdir -p "$ILOT_HUB_DATA_DIR" "$demo_config"
  if [ ! -s "$demo_config/site.yaml" ]; then
    token=$(.venv/bin/kiosk hub add-terminal borne-1 --site demo 2>/dev/null \
      || .venv/bin/kiosk hub rotate-token borne-1 --site demo 2>/dev/null)
    printf 'site_id: demo\nterminal_id: borne-1\nhub_url: "%s"\nhub_token: "%s"\n' "$demo_hub" "$token" \
      >"$demo_config/site.yaml"
    # An advisor on duty at any hour, so that "Appeler un conseiller" reaches the demo hub's board.
    printf 'advisor_schedule:\n' >>"$demo_config/site.yaml"
    for day in lundi mardi mercredi jeudi vendredi samedi dimanche; do
      printf '  - {day: %s, start: "00:00", end: "23:59"}\n' "$day" >>"$demo_config/site.yaml"
    done
  fi
  demo_login=demo@ilot.example demo_password=demo-ilot-reseau  # a demo's login, on loopback only
  printf '%s\n' "$demo_password" | .venv/bin/kiosk hub add-user "$demo_login" >/dev/null 2>&1 || true
  # The demo's advisor: the board (/conseillers) with this login, the terminal's assisted mode with this PIN
  # (it reaches the kiosk with its first heartbeat, a few seconds after the kiosk starts).
  demo_advisor=conseil@ilot.example demo_pin=482915
  printf '%s\n%s\n' "$demo_password" "$demo_pin" | .venv/bin/kiosk hub add-advisor "$demo_advisor" \
    --name "Conseiller de démo" --role technician --site demo >/dev/null 2>&1 || true
  setsid setpriv --pdeathsig TERM .venv/bin/kiosk hub serve --port 8470 --insecure-cookies \
    >"$ILOT_HUB_DATA_DIR/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 100); do
    .venv/bin/python -c "import requests, sys; requests.get(sys.argv[1] + 'healthz', timeout=1).raise_for_status()" \
      "$demo_hub" 2>/dev/null && break
    kill -0 "$hub" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$hub" 2>/dev/null; then
    echo "The demo's hub: $demo_hub (statistics and terminals), login $demo_login, password $demo_password."
    echo "The advisors' board: ${demo_hub}conseillers, login $demo_advisor, same password;" \
      "on the kiosk, Espace conseiller with the PIN $demo_pin."
    echo "An hour's counts reach it after the hour, within 20 minutes."
  else
    echo "The demo's hub did not start (is port 8470 taken?): see $ILOT_HUB_DATA_DIR/hub.log." \
      "The kiosk keeps its counts meanwhile."
  fi
  export SANE_CONFIG_DIR="$PWD/.venv/demo-sane"
  export CUPS_SERVER=/run/cups/cups.sock  # the demo's scheduler, never another on localhost:631
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    # Xvfb :99 without -auth, on its local socket only (-nolisten tcp): another program of this machine may
    # take a picture of it. In a session of its own, so that Ctrl+C reaches the kiosk alone (which then
    # quits cleanly); ended when the kiosk has, or with this script (--pdeathsig) whatever happens.
    setsid setpriv --pdeathsig TERM Xvfb :99 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill "$xvfb" "$hub" 2>/dev/null; wait "$xvfb" "$hub" 2>/dev/null' EXIT
    ours() { [ -S /tmp/.X11-unix/X99 ] && [ "$(tr -d ' ' </tmp/.X99-lock 2>/dev/null)" = "$xvfb" ]; }
    for _ in $(seq 100); do ours && break; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
    if ! ours; then
      echo "The virtual screen :99 did not start: is another X server using :99 (ls /tmp/.X99-lock)?" >&2
      exit 1
    fi
    echo "No screen on this machine: the demo kiosk runs on a virtual screen, Xvfb :99."
    echo "Take a picture of it from another shell: DISPLAY=:99 import -window root shot.png"
    echo "Quit with Ctrl+C."
    status=0
    DISPLAY=:99 .venv/bin/kiosk run --demo --config "$demo_config" || status=$?
    exit "$status"
  fi
  status=0
  .venv/bin/kiosk run --demo --config "$demo_config" || status=$?
  exit "$status"
fi

.venv/bin/ruff check kiosk tests bench
.venv/bin/ruff format --check kiosk tests bench
exec .venv/bin/python -m pytest -q "$@"
