"""The console's panels and dialogs."""
