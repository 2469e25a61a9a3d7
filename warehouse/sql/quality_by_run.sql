-- Quality trend: expectations evaluated, passed and failed in each of the last ten runs.
-- A run that found nothing new evaluates nothing, and shows zeros.
SELECT r.finished_at,
       left(r.run_id, 8) AS run,
       r.status,
       count(DISTINCT q.batch) AS batches,
       count(q.expectation) AS evaluated,
       count(*) FILTER (WHERE q.success) AS passed,
       count(*) FILTER (WHERE NOT q.success AND q.severity = 'critical') AS critical_failed,
       count(*) FILTER (WHERE NOT q.success AND q.severity <> 'critical') AS warnings_failed,
       round(100.0 * count(*) FILTER (WHERE q.success) / nullif(count(q.expectation), 0), 1) AS pass_pct
FROM runs AS r
LEFT JOIN quality AS q USING (run_id)
GROUP BY r.run_id, r.finished_at, r.status
ORDER BY r.finished_at DESC
LIMIT 10;
