-- Recent runs: what the last ten runs read, published and rejected, and how long they took.
SELECT finished_at, status, files_seen, files_unchanged AS unchanged, published, duplicate, quarantined,
       articles_rows, quotes_rows, entities_rows,
       expectations_evaluated - expectations_failed || '/' || expectations_evaluated AS expectations_passed,
       round(seconds, 1) AS seconds,
       message
FROM runs
ORDER BY finished_at DESC
LIMIT 10;
