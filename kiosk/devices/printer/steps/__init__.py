"""The print wizard's screens, one class each: `choose` (a document of the session), `options` (copies,
pages, the printer's state; its page `thumbnails`), `progress`, `done` and `problem`. Each one shows what it
is told and says by signal what the visitor touched; the flow between them is `printer.wizard.PrintWizard`."""
