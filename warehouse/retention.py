"""How long the vacuum (warehouse.vacuum) keeps a data file that no table version reads any more.

Its own module so that the run options (flows.options), which every process of a run imports, can
check a retention window without importing the warehouse's libraries (pyarrow, deltalake, DuckDB)."""

# The longest retention window: a century, well inside what Delta Lake's timestamps can count.
MAX_RETAIN_DAYS = 36_500
