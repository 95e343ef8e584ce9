"""The assisted mode: an advisor or a technician unlocks the terminal with a PIN ("Espace conseiller"), gets a
banner on every screen and the tools of their role, and the terminal locks itself again after some minutes
without input, on "Quitter le mode accompagné" and at the session's end. `mode.AssistedMode` is the feature;
`address` and `facts` are pure."""
