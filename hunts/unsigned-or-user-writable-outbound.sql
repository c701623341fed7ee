-- Unsigned processes, or processes run from user-writable folders, making outgoing connections
--
-- Legitimate software that talks to the network is installed under Program Files or the system folders and is
-- signed; malware dropped by a user or an exploit runs from the profile, Temp, Downloads, ProgramData or /tmp.
-- Outgoing connections whose process is reported unsigned (process_signature_status, from SentinelOne) or whose
-- image path (process_path) is under a folder any user can write, grouped by process image.
-- param destinations_shown = 5: how many of each process's destinations to list
WITH flagged AS (
    SELECT *,
           lower(replace(process_path, '/', '\')) AS path,
           lower(coalesce(process_signature_status, '')) IN ('unsigned', 'invalid', 'notsigned', 'untrusted', 'expired') AS unsigned
    FROM events
    WHERE process_side = 'src' AND network_direction = 'outbound'
),
suspect AS (
    SELECT *,
           path GLOB '*\users\*' OR path GLOB '*\appdata\*' OR path GLOB '*\temp\*' OR path GLOB '*\tmp\*'
           OR path GLOB '*\downloads\*' OR path GLOB '*\programdata\*' OR path GLOB '*\recycle.bin\*'
           OR path GLOB '\home\*' OR path GLOB '\dev\shm\*' OR path GLOB '\var\tmp\*' AS user_writable
    FROM flagged
),
hits AS (
    SELECT * FROM suspect WHERE unsigned OR user_writable
)
SELECT coalesce(process_path, process_name) AS process,
       CASE WHEN unsigned AND user_writable THEN 'unsigned, user-writable path'
            WHEN unsigned THEN 'unsigned' ELSE 'user-writable path' END AS why,
       count(*) AS connections,
       count(DISTINCT dst_ip) AS destinations,
       (SELECT group_concat(d, ' ') FROM (SELECT DISTINCT h2.dst_ip || ':' || h2.dst_port AS d FROM hits h2
            WHERE coalesce(h2.process_path, h2.process_name) = coalesce(hits.process_path, hits.process_name)
            LIMIT :destinations_shown)) AS some_destinations,
       group_concat(DISTINCT coalesce(computer_name, src_ip)) AS hosts,
       min(event_date_creation) AS first_seen,
       group_concat(DISTINCT rosetta_source) AS sources
FROM hits
GROUP BY process, why
ORDER BY connections DESC, process;
