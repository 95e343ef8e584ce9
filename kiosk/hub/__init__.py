"""The hub: the central web service the terminals send their usage counts and heartbeats to (installed with
`pip install .[hub]`; a terminal never imports it). One codebase on two databases: SQLite embedded by default,
PostgreSQL by URL. See docs/architecture.md, "The hub"."""
