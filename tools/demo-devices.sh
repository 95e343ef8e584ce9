#!/usr/bin/env bash
# Devices for the demo kiosk (called by `bash tools/bootstrap.sh demo`, as root):
# - a printer: CUPS running, with a PDF printer `KioskPDF` as the default; what the kiosk prints lands as PDF
#   files in /var/spool/cups-pdf/ (cups-pdf's folder for jobs without a home);
# - a scanner: SANE's virtual `test` scanner, seen only by the kiosk (SANE_CONFIG_DIR=.venv/demo-sane).
# A terminal gets its real printer and scanner instead: see build/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

sane=.venv/demo-sane
mkdir -p "$sane"
echo test > "$sane/dll.conf"
cp /etc/sane.d/test.conf "$sane/test.conf"
echo "Demo scanner: SANE's test scanner (SANE_CONFIG_DIR=$PWD/$sane)."

export PATH="$PATH:/usr/sbin"
running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q "scheduler is running"; }  # lpstat -r exits 0 either way
if ! running; then
  mkdir -p /run/cups
  cupsd || true  # without systemd: cupsd puts itself in the background (checked just below)
  for _ in $(seq 50); do running && break; sleep 0.1; done
fi
if ! running; then
  echo "CUPS did not start: the demo has no printer. Look at /var/log/cups/error_log." >&2
  exit 1
fi
if ! lpstat -p KioskPDF >/dev/null 2>&1; then
  lpadmin -p KioskPDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd 2>/dev/null \
    || { echo "The demo printer could not be added (lpadmin failed)." >&2; exit 1; }
fi
lpadmin -d KioskPDF
cupsctl PreserveJobFiles=No PreserveJobHistory=No  # as on a terminal: CUPS keeps nothing a visitor printed
for _ in $(seq 50); do running && break; sleep 0.1; done  # cupsctl restarts the scheduler
echo "Demo printer: KioskPDF, the default; printed pages land as PDF files in /var/spool/cups-pdf/."
