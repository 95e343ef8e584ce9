"""The advisors' side of the terminal: their accounts and PINs, the lockout after wrong tries, and the audit
of unlocks (pure policy in `pins` and `lockout`; the kiosk database's tables in `accounts`); the help call's
tickets (`tickets`, pure). The assisted mode and the help-call screens build on these."""
