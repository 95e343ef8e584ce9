"""The embedded browser: a QtWebEngine profile, page and view for the public-service shortcuts.

`policy` is the pure navigation allow-list (no Qt, tested with plain pytest); the Qt modules beside it are
imported where they are used, so that importing this package costs nothing before the first shortcut opens.
"""
