-- Every file's fate: counts by status, with an example reason for each.
SELECT status, count(*) AS files, any_value(reason) AS example_reason
FROM files
GROUP BY status
ORDER BY files DESC;
