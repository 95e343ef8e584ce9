"""Printing through the local CUPS server.

Pure core (no Qt): `ipp` (the wire protocol), `backend` (printers and jobs as values), `problems` (state
reasons → problem codes with a severity), `limits` (the per-session page allowance), `server_settings`
(Preserve* warnings) and `check` (lines for `kiosk check`). Qt side: `service.PrintService` (CUPS calls off
the GUI thread, results by signal), `messages` (French texts), `pdfpages` (QtPdf page count), and the
wizard: `wizard` (the flow) over `steps` (one screen, one class).
"""
