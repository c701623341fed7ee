-- Rare destination ports per process
--
-- A process that talks to the same few ports all day and once to another is worth a look: malware injected
-- into a browser, a living-off-the-land binary used for transfer, a tunnel. For every process (by name) that
-- opened at least :min_connections connections, the destination ports it used at most :max_count times.
-- Sources: every endpoint source that names the process (Defender, SentinelOne, Sysmon, Carbon Black,
-- Windows 5156); a network sensor (Zeek) has no process and is left out.
-- param max_count = 2: a port the process used this many times or fewer is rare for it
-- param min_connections = 10: only processes with at least this many outgoing connections (fewer give no "usual")
WITH outgoing AS (
    SELECT process_name, dst_port, dst_ip, rosetta_source, event_date_creation
    FROM events
    WHERE process_side = 'src' AND process_name IS NOT NULL AND dst_port IS NOT NULL
),
per_port AS (
    SELECT lower(process_name) AS process, dst_port,
           count(*) AS connections,
           count(DISTINCT dst_ip) AS destinations,
           min(event_date_creation) AS first_seen,
           max(event_date_creation) AS last_seen,
           group_concat(DISTINCT rosetta_source) AS sources,
           sum(count(*)) OVER (PARTITION BY lower(process_name)) AS process_connections,
           count(*) OVER (PARTITION BY lower(process_name)) AS process_ports
    FROM outgoing
    GROUP BY lower(process_name), dst_port
)
SELECT process, dst_port, connections, destinations, process_connections, process_ports, first_seen, last_seen, sources
FROM per_port
WHERE connections <= :max_count AND process_connections >= :min_connections
ORDER BY connections, process_connections DESC, process, dst_port;
