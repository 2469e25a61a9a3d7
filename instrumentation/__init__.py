"""Measuring and testing a run from the inside: the profiling stopwatch and the crash tests'
failpoints. The lowest layer: it imports nothing of newsetl, and every layer may use it."""
