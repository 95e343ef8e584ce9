#!/bin/sh
# The X session of an Îlot terminal: the only X client started by `xinit` (see ilot-kiosk.service).
# Installed as /opt/ilot/kiosk-session.sh by install-terminal.sh; runs as the unprivileged user `ilot`.
#
# It keeps the screen on, then runs the kiosk. If the kiosk exits (crash, or an update asked it to), it starts
# it again after a short delay; after several quick failures in a row it gives up and exits, which ends
# xinit, and systemd (Restart=always) starts a fresh X server and session after its own delay.
# Journal: `journalctl -u ilot-kiosk`; the kiosk's own log is in /var/lib/ilot/kiosk.log.
#
# Variables (all optional, for trials): ILOT_KIOSK (the program), ILOT_CONFIG_DIR, ILOT_DATA_DIR,
# ILOT_RESTART_DELAY (seconds, default 3).

KIOSK=${ILOT_KIOSK:-/opt/ilot/kiosk/kiosk}
CONFIG_DIR=${ILOT_CONFIG_DIR:-/etc/ilot}
DATA_DIR=${ILOT_DATA_DIR:-/var/lib/ilot}
DELAY=${ILOT_RESTART_DELAY:-3}

# Screen always on: no screensaver, no blanking, no display power management (DPMS).
# Nothing else is hidden: the mouse pointer stays, visitors use the mouse as well as the touch screen.
xset s off s noblank -dpms 2>/dev/null || echo "kiosk-session: xset failed (package x11-xserver-utils?)" >&2

quick_failures=0
while :; do
    started=$(date +%s)
    "$KIOSK" run --config "$CONFIG_DIR" --data-dir "$DATA_DIR"
    status=$?
    ran=$(( $(date +%s) - started ))
    echo "kiosk-session: the kiosk exited with status $status after ${ran}s; restarting in ${DELAY}s" >&2
    if [ "$ran" -lt 30 ]; then
        quick_failures=$((quick_failures + 1))
    else
        quick_failures=0
    fi
    if [ "$quick_failures" -ge 5 ]; then
        echo "kiosk-session: 5 quick exits in a row; ending the X session (systemd restarts it)" >&2
        exit 1
    fi
    sleep "$DELAY"
done
