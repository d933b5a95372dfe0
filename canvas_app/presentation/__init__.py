"""Turning stored results into what pages and reports show: formatted rows and charts."""
