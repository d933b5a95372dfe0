"""The business case: what it shows (content), and its PDF (render)."""
