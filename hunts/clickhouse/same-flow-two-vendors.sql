-- One connection reported by two vendors, joined on its Community ID
--
-- Rosetta computes the Community ID (corelight's community-id-spec v1) of every connection from whichever side
-- opened it, so the same flow has the same ID whether Defender, SentinelOne, Sysmon, Windows 5156, Carbon Black or
-- Zeek reported it. This lists each flow seen by two sources, with what each knows: the endpoint names the process,
-- the network sensor counts the bytes. Reports more than :max_seconds apart are taken as a reused port, not the
-- same connection.
-- param max_seconds = 300: largest time between the two reports of one connection
--
-- ClickHouse (18.16 and later): times are DateTime seconds plus a _ms column, so times are shown to the millisecond; no window
-- functions, so arrays and joins; FINAL, so that an event stored by two runs counts once before ClickHouse merges them.
SELECT community_id, src_ip, src_port, dst_ip, dst_port, protocol, source_a, source_b,
       concat(formatDateTime(toDateTime(intDiv(ms_a, 1000), 'UTC'), '%Y-%m-%dT%H:%M:%S'), '.', substring(toString(1000 + ms_a % 1000), 2), 'Z') AS time_a,
       concat(formatDateTime(toDateTime(intDiv(ms_b, 1000), 'UTC'), '%Y-%m-%dT%H:%M:%S'), '.', substring(toString(1000 + ms_b % 1000), 2), 'Z') AS time_b,
       ifNull(process_name_a, process_name_b) AS process_name,
       ifNull(host_a, host_b) AS host,
       ifNull(src_bytes_a, src_bytes_b) AS src_bytes,
       ifNull(dst_bytes_a, dst_bytes_b) AS dst_bytes
FROM (
    SELECT assumeNotNull(network_community_id) AS community_id, src_ip, src_port, dst_ip, dst_port, network_protocol AS protocol,
           rosetta_source AS source_a, toInt64(toUnixTimestamp(event_date_creation)) * 1000 + ifNull(event_date_creation_ms, 0) AS ms_a,
           process_name AS process_name_a, computer_name AS host_a, src_bytes AS src_bytes_a, dst_bytes AS dst_bytes_a
    FROM events FINAL
    WHERE isNotNull(network_community_id) AND isNotNull(event_date_creation)
)
ALL INNER JOIN (
    SELECT assumeNotNull(network_community_id) AS community_id,
           rosetta_source AS source_b, toInt64(toUnixTimestamp(event_date_creation)) * 1000 + ifNull(event_date_creation_ms, 0) AS ms_b,
           process_name AS process_name_b, computer_name AS host_b, src_bytes AS src_bytes_b, dst_bytes AS dst_bytes_b
    FROM events FINAL
    WHERE isNotNull(network_community_id) AND isNotNull(event_date_creation)
) USING community_id
WHERE source_a < source_b AND abs(ms_a - ms_b) <= :max_seconds * 1000
ORDER BY ms_a, community_id
