#!/usr/bin/env bash
# Installs a built kiosk bundle on an Îlot terminal (Debian 12), as root. Safe to run again (updates):
#
#   sudo bash build/install-terminal.sh /tmp/ilot-dist/kiosk
#
# The argument is the bundle folder made by PyInstaller (the one holding the `kiosk` program and _internal/).
# It installs:
#   /opt/ilot/kiosk/               the bundle (replaced as a whole)
#   /opt/ilot/kiosk-session.sh     the X session script; /opt/ilot/README.md, the technicians' notes
#   /etc/ilot/site.yaml            the site configuration: an all-commented example if none exists (kept otherwise)
#   /var/lib/ilot/                 the kiosk's data (database, logs), owned by `ilot`, mode 0700
#   /etc/X11/xorg.conf.d/10-ilot-lockdown.conf   no Ctrl+Alt+F1 console switch, no Ctrl+Alt+Backspace
#   /etc/systemd/system/ilot-kiosk.service, enabled at boot (not started: it takes over the screen)
# and the system user `ilot`; then it runs `kiosk check` as that user. Exit status: 0 when installed and the
# configuration is OK, 1 when the configuration has problems (files are installed anyway), 2 on usage errors,
# 3 when the configuration is OK but a printer or scanner needs a technician (what to do is printed).
# It needs no running systemd (it works in a chroot or an image build): it prints what to run instead.
set -euo pipefail

PREFIX=/opt/ilot
CONFIG_DIR=/etc/ilot
DATA_DIR=/var/lib/ilot
UNIT=ilot-kiosk.service
USER_NAME=ilot
here=$(cd "$(dirname "$0")" && pwd)  # build/: the unit, the session script and README.md sit next to this file

say() { printf '%s\n' "$*"; }
die() { printf 'install-terminal: %s\n' "$*" >&2; exit 2; }

[ $# -eq 1 ] || die "usage: sudo bash $0 BUNDLE_DIR   (the folder holding the 'kiosk' program, e.g. /tmp/ilot-dist/kiosk)"
[ "$(id -u)" -eq 0 ] || die "run as root (sudo)."
src=$(cd "$1" 2>/dev/null && pwd) || die "$1: no such folder."
is_bundle() { [ -f "$1/kiosk" ] && [ -x "$1/kiosk" ] && [ -d "$1/_internal" ]; }
is_bundle "$src" || { is_bundle "$src/kiosk" && src=$src/kiosk; } ||  # the dist folder is accepted too
  die "$1 is not a kiosk bundle (no 'kiosk' program and _internal/ folder)."
for f in "$UNIT" kiosk-session.sh README.md 10-ilot-lockdown.conf; do [ -f "$here/$f" ] || die "$here/$f is missing."; done
cd /  # the kiosk user may not be allowed in the caller's folder

# 1. The program: copied next to the old one, then swapped, so a failed copy never leaves half a bundle.
install -d -m 0755 "$PREFIX"
rm -rf "$PREFIX/kiosk.new" "$PREFIX/kiosk.old"
cp -a "$src" "$PREFIX/kiosk.new"
chown -R root:root "$PREFIX/kiosk.new"
chmod -R go-w "$PREFIX/kiosk.new"
[ -e "$PREFIX/kiosk" ] && mv "$PREFIX/kiosk" "$PREFIX/kiosk.old"
mv "$PREFIX/kiosk.new" "$PREFIX/kiosk"
rm -rf "$PREFIX/kiosk.old"
install -m 0755 "$here/kiosk-session.sh" "$PREFIX/kiosk-session.sh"
install -m 0644 "$here/README.md" "$PREFIX/README.md"
install -d -m 0755 /etc/X11/xorg.conf.d
install -m 0644 "$here/10-ilot-lockdown.conf" /etc/X11/xorg.conf.d/10-ilot-lockdown.conf  # no VT switch, no zap
say "Installed the kiosk in $PREFIX/kiosk."

# 2. The user: system account, no password, no shell; its home is the data folder (X and fontconfig caches).
if ! getent passwd "$USER_NAME" >/dev/null; then
  useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin \
    --comment "Îlot kiosk" "$USER_NAME"
  say "Created the user $USER_NAME."
fi
# Devices: screen and input (also granted by logind to the active session), sound for read-aloud, scanners.
for group in video render input audio scanner; do
  getent group "$group" >/dev/null && usermod -a -G "$group" "$USER_NAME"
done

# 3. Configuration: readable by the kiosk, not by other users (site.yaml holds hub_token, a secret).
install -d -o root -g "$USER_NAME" -m 0750 "$CONFIG_DIR"
if [ ! -e "$CONFIG_DIR/site.yaml" ]; then
  cat >"$CONFIG_DIR/site.yaml" <<'YAML'
# Configuration of this Îlot terminal. Every key is optional: a key left out (or commented out, as here)
# takes the default shown. Remove the "#" in front of a key to set it. Check with:
#   /opt/ilot/kiosk/kiosk check --config /etc/ilot
#
# Identifier of the post office in statistics: lowercase letters, digits and dashes.
#site_id: paris-louvre
# Name of the post office, shown to visitors.
#site_name: "Bureau de poste"
# Identifier of this terminal within the site.
#terminal_id: borne-1
# Language the kiosk starts in: fr, en, ar, es or pt.
#language: fr
# Seconds without a touch before the session ends and everything of the visitor is wiped (30 to 3600).
#idle_timeout: 180
# Seconds of warning before that; less than idle_timeout.
#idle_warning: 30
# Minutes without a touch before an advisor's assisted mode locks itself again (1 to 120).
#assisted_idle_minutes: 10
# Address of the hub ("" = this terminal works offline only) and the secret token the hub gave you.
#hub_url: "https://hub.example.fr/"
#hub_token: "copy-the-token-given-by-the-hub"
# When an advisor is on duty (empty = never). Days in French: lundi mardi mercredi jeudi vendredi samedi
# dimanche; times HH:MM; place: where, for a permanence held elsewhere (shown to visitors as the next one).
#advisor_schedule:
#  - {day: mardi, start: "09:00", end: "12:00"}
#  - {day: jeudi, start: "14:00", end: "17:30", place: "Bureau de poste de Mézières, 2 place de la Mairie"}
YAML
  say "Wrote an example $CONFIG_DIR/site.yaml (all defaults): edit it for this site."
fi
chown root:"$USER_NAME" "$CONFIG_DIR/site.yaml"
chmod 0640 "$CONFIG_DIR/site.yaml"

# 4. Data: the kiosk's alone.
install -d -o "$USER_NAME" -g "$USER_NAME" -m 0700 "$DATA_DIR"
chown "$USER_NAME:$USER_NAME" "$DATA_DIR"
chmod 0700 "$DATA_DIR"

# 5. The service: installed and enabled; systemctl failures (no systemd running, chroot) do not stop us.
install -m 0644 "$here/$UNIT" "/etc/systemd/system/$UNIT"
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload || say "Warning: systemctl daemon-reload failed; run it yourself."
fi
if systemctl enable "$UNIT" >/dev/null 2>&1; then
  say "Enabled $UNIT: the kiosk starts at boot."
else
  say "Could not enable $UNIT here. On the terminal, run: systemctl enable $UNIT"
fi
say "To start it now (the screen switches to the kiosk): systemctl restart $UNIT   (or reboot)"

# 6. Debian packages the terminal needs at run time (the bundle brings Qt and most libraries itself).
needed=(xserver-xorg xinit x11-xserver-utils libgl1 libegl1 fonts-dejavu-core
        speech-dispatcher speech-dispatcher-espeak-ng cups sane-utils)
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Missing Debian packages for the kiosk: ${missing[*]}"
  say "Install them with: apt-get install --no-install-recommends ${missing[*]}"
fi

# 7. Health: the configuration, the printers and the scanners, as the kiosk will see them (same user).
say "Checking the configuration and the devices:"
status=0
runuser -u "$USER_NAME" -- "$PREFIX/kiosk/kiosk" check --config "$CONFIG_DIR" || status=$?
case $status in
  0) exit 0 ;;
  3) say "The kiosk is installed; a printer or scanner needs attention (see above). Check again with:" ;;
  *) say "The kiosk is installed, but its configuration has problems: edit $CONFIG_DIR/site.yaml, then run" ;;
esac
say "  runuser -u $USER_NAME -- $PREFIX/kiosk/kiosk check --config $CONFIG_DIR"
[ "$status" -eq 3 ] && exit 3
exit 1
