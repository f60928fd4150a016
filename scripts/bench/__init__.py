"""Benchmarks (`make bench`): synthetic data sets, measured against floors in the same run."""
