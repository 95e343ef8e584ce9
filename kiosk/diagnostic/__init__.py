"""The guided self-diagnostic of digital skills (issue 5): content, adaptive engine, anonymous result code.

Pure: nothing here imports PySide6. The exercise widgets and screens build on `schema` (what each kind
needs), `checks` (is an answer right), `engine.Diagnostic` (what to ask next, the result) and `code`.
"""
