"""The scanner: SANE devices driven through `scanimage` child processes, and scanned pages made into PDFs.

Pure modules (no Qt): `capabilities` (parse scanimage's device list and options), `defaults` (purpose →
settings), `problems` (how a scan ended → a problem code), `scanimage` (command lines, stderr reading), `pdf`
(naming, assembly). Blocking, no Qt: `probe` (run scanimage to list devices), `check` (for `kiosk check`).
Qt side: `service.ScanService` (with `device_list` and `watchdog`), `messages` (the visitor's French texts),
and the wizard: `wizard` (the flow) over `steps` (one screen, one class).
"""
