"""The impact scoring benchmark: engine throughput, save-to-done latency, council re-score.

Entry point: `bench/run_impact.py`. Django is configured by `config.setup_django`, so
the modules that use the ORM are imported only after it has run.
"""
