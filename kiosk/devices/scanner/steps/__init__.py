"""The scan wizard's screens, one class each: `choose` (what the visitor scans), `place` (how to place it),
`scanning` (the scan's progress, or the PDF being made), `preview` (the page and "Est-elle lisible ?"),
`done` (keep, print or delete the document) and `problem`. Each one shows what it is told and says by signal
what the visitor touched; the flow between them is `scanner.wizard.ScanWizard`."""
