-- Expectation results of the latest run that evaluated any: each expectation over that run's batches.
WITH latest AS (
    SELECT q.run_id
    FROM quality AS q
    JOIN runs AS r USING (run_id)
    ORDER BY r.finished_at DESC
    LIMIT 1
)
SELECT table_name,
       expectation,
       coalesce(column_name, '') AS column_name,
       severity,
       bool_and(success) AS success,
       count(*) AS batches,
       count(*) FILTER (WHERE NOT success) AS failed_batches,
       sum(unexpected_count) AS unexpected_rows,
       arg_max(observed_value, batch) AS last_observed,
       string_agg(unexpected_examples, '; ') FILTER (WHERE NOT success) AS examples
FROM quality
WHERE run_id IN (SELECT run_id FROM latest)
GROUP BY ALL
ORDER BY success, severity, table_name, expectation, column_name;
