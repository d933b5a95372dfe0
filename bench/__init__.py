"""Benchmarks for City Model Canvas: load generators, a seeded database and bench settings."""
