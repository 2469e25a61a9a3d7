"""The real work as plain functions over plain data: no Prefect, no file system, no globals."""
