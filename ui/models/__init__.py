"""Qt item models fed from the store worker (no widgets filled row by row)."""
