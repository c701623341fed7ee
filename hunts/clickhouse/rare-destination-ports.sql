-- Rare destination ports per process
--
-- A process that talks to the same few ports all day and once to another is worth a look: malware injected
-- into a browser, a living-off-the-land binary used for transfer, a tunnel. For every process (by name) that
-- opened at least :min_connections connections, the destination ports it used at most :max_count times.
-- Sources: every endpoint source that names the process (Defender, SentinelOne, Sysmon, Carbon Black,
-- Windows 5156); a network sensor (Zeek) has no process and is left out.
-- param max_count = 2: a port the process used this many times or fewer is rare for it
-- param min_connections = 10: only processes with at least this many outgoing connections (fewer give no "usual")
--
-- ClickHouse (18.16 and later): times are DateTime seconds plus a _ms column, so times are shown to the millisecond; no window
-- functions, so arrays and joins; FINAL, so that an event stored by two runs counts once before ClickHouse merges them.
SELECT process, dst_port, connections, destinations, process_connections, process_ports,
       concat(formatDateTime(toDateTime(intDiv(first_ms, 1000), 'UTC'), '%Y-%m-%dT%H:%M:%S'), '.', substring(toString(1000 + first_ms % 1000), 2), 'Z') AS first_seen,
       concat(formatDateTime(toDateTime(intDiv(last_ms, 1000), 'UTC'), '%Y-%m-%dT%H:%M:%S'), '.', substring(toString(1000 + last_ms % 1000), 2), 'Z') AS last_seen,
       sources
FROM (
    SELECT lower(process_name) AS process, dst_port,
           count() AS connections,
           uniqExact(dst_ip) AS destinations,
           min(toUInt64(toUnixTimestamp(event_date_creation)) * 1000 + ifNull(event_date_creation_ms, 0)) AS first_ms,
           max(toUInt64(toUnixTimestamp(event_date_creation)) * 1000 + ifNull(event_date_creation_ms, 0)) AS last_ms,
           arrayStringConcat(arraySort(groupUniqArray(rosetta_source)), ',') AS sources
    FROM events FINAL
    WHERE process_side = 'src' AND isNotNull(process_name) AND isNotNull(dst_port)
    GROUP BY process, dst_port
)
ALL INNER JOIN (
    SELECT lower(process_name) AS process, count() AS process_connections, uniqExact(dst_port) AS process_ports
    FROM events FINAL
    WHERE process_side = 'src' AND isNotNull(process_name) AND isNotNull(dst_port)
    GROUP BY process
) USING process
WHERE connections <= :max_count AND process_connections >= :min_connections
ORDER BY connections, process_connections DESC, process, dst_port
