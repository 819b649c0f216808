"""Benchmarks and quality evaluations that print figures and ratios."""
