"""The Qt shell: main window, home screen, navigation, theme, idle overlay and lockdown."""
