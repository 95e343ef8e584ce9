#!/usr/bin/env bash
# Devices for the demo kiosk (called by `bash tools/bootstrap.sh demo`, as root):
# - a scanner: SANE's virtual `test` scanner, seen only by the kiosk (SANE_CONFIG_DIR=.venv/demo-sane);
# - a printer: this machine's CUPS scheduler, on its own socket /run/cups/cups.sock, with a PDF printer
#   `KioskPDF` as the default; what the kiosk prints lands as PDF files in /var/spool/cups-pdf/<user>/ (its
#   own cups-pdf instance, /etc/cups/cups-pdf-kiosk.conf: Debian's cups-pdf.conf writes into the user's home).
# Each part says its own outcome; the exit status is 0 when both are ready, 1 when one or both are missing.
# The CUPS tools below talk to that socket only (CUPS_SERVER): another cupsd answering on localhost:631 (a
# fresh root shares this machine's network) is never the demo's. The kiosk must use the same socket:
# bootstrap.sh exports the same CUPS_SERVER.
# A terminal gets its real printer and scanner instead: see build/README.md.
set -uo pipefail  # no -e: a missing scanner must not hide the printer's outcome, nor the other way round
cd "$(dirname "$0")/.."

socket=/run/cups/cups.sock
ppd=lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd  # printer-driver-cups-pdf's
pdf_folder=/var/spool/cups-pdf/$(id -un)  # the kiosk runs as the user who runs this script
error_log=/var/log/cups/error_log
missing=0

scanner() {
  local sane=.venv/demo-sane
  mkdir -p "$sane" && echo test > "$sane/dll.conf" && cp /etc/sane.d/test.conf "$sane/test.conf" || return 1
  echo "Demo scanner: SANE's test scanner (SANE_CONFIG_DIR=$PWD/$sane)."
}

running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q "scheduler is running"; }  # lpstat -r exits 0 either way

wait_running() {
  for _ in $(seq 50); do running && return 0; sleep 0.1; done
  return 1
}

log_mark() { { wc -l < "$error_log"; } 2>/dev/null || echo 0; }  # no log yet: a fresh CUPS

errors_since() {  # the scheduler's error lines written after log_mark said $1
  tail -n "+$(($1 + 1))" "$error_log" 2>/dev/null | grep '^E ' | tail -n 5 | sed 's/^/  /' >&2
}

printer() {
  export PATH="$PATH:/usr/sbin" CUPS_SERVER=$socket
  local said mark
  if ! running; then
    mkdir -p /run/cups
    mark=$(log_mark)
    cupsd  # without systemd: cupsd puts itself in the background (checked just below)
    if ! wait_running; then
      echo "The demo has no printer: CUPS did not start on $socket. Its errors ($error_log):" >&2
      errors_since "$mark"
      return 1
    fi
  fi
  printf '%s\n' "# Îlot's demo printer KioskPDF (cups-pdf:/kiosk), written by tools/demo-devices.sh" \
    'Out /var/spool/cups-pdf/${USER}' 'Label 1' > /etc/cups/cups-pdf-kiosk.conf \
    || { echo "The demo has no printer: /etc/cups/cups-pdf-kiosk.conf could not be written." >&2; return 1; }
  mark=$(log_mark)
  # Besides its errors, lpadmin only warns that drivers are deprecated (harmless): that line is left out.
  if ! said=$(lpadmin -p KioskPDF -E -v cups-pdf:/kiosk -m "$ppd" 2>&1); then
    echo "lpadmin could not set up the demo printer KioskPDF (driver $ppd):" >&2
    grep -v "drivers are deprecated" <<< "$said" | sed 's/^/  /' >&2
    echo "The scheduler's errors meanwhile ($error_log):" >&2
    errors_since "$mark"
    if lpstat -p KioskPDF >/dev/null 2>&1; then
      echo "KioskPDF stays as an earlier run set it up." >&2
    else
      echo "The demo has no printer." >&2
    fi
    return 1
  fi
  if ! said=$(lpadmin -d KioskPDF 2>&1); then
    echo "The demo printer KioskPDF could not be made the default: $said" >&2
    return 1
  fi
  # As on a terminal, CUPS keeps nothing a visitor printed. cupsctl restarts the scheduler: wait for it.
  if ! said=$(cupsctl PreserveJobFiles=No PreserveJobHistory=No 2>&1) || ! wait_running; then
    echo "The demo printer works, but CUPS may keep what is printed (cupsctl failed): $said" >&2
  fi
  echo "Demo printer: KioskPDF, the default, on $socket; printed pages land as PDF files in $pdf_folder/."
}

scanner || { echo "The demo has no scanner (SANE's test scanner could not be set up: see above)." >&2; missing=1; }
printer || missing=1
exit "$missing"
