-- Data freshness: the last run, the last run that brought new articles, and the newest article.
WITH last_run AS (SELECT * FROM runs ORDER BY finished_at DESC LIMIT 1)
SELECT (SELECT finished_at FROM last_run) AS last_run_finished,
       (SELECT status FROM last_run) AS last_run_status,
       date_diff('hour', (SELECT finished_at FROM last_run), now()) AS hours_since_last_run,
       (SELECT max(finished_at) FROM runs WHERE articles_rows > 0) AS last_new_articles,
       (SELECT max(published_date) FROM articles) AS newest_article,
       date_diff('day', (SELECT max(published_date) FROM articles), current_date) AS days_since_newest_article,
       (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM quotes) AS quotes,
       (SELECT count(*) FROM entities) AS entities,
       (SELECT count(*) FROM files WHERE status = 'quarantined') AS quarantined_files;
