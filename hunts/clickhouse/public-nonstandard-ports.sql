-- Processes talking to public addresses on non-standard ports
--
-- Command and control and exfiltration often leave on ports no business application uses. Outgoing connections
-- from a process to a public address (dst_ip_type Public, as Rosetta classifies every address) on a port outside
-- :standard_ports, grouped by process, destination and port.
-- param standard_ports = 20,21,22,25,53,80,110,123,143,389,443,465,587,636,853,993,995,3389,5985,5986,8080,8443: ports taken as normal (comma-separated)
--
-- ClickHouse (18.16 and later): times are DateTime seconds plus a _ms column, so times are shown to the millisecond; no window
-- functions, so arrays and joins; FINAL, so that an event stored by two runs counts once before ClickHouse merges them.
SELECT ifNull(computer_name, src_ip) AS host,
       process_name, dst_ip, dst_port, network_protocol,
       count() AS connections,
       concat(formatDateTime(toDateTime(intDiv(min(ms), 1000), 'UTC'), '%Y-%m-%dT%H:%M:%S'), '.', substring(toString(1000 + min(ms) % 1000), 2), 'Z') AS first_seen,
       concat(formatDateTime(toDateTime(intDiv(max(ms), 1000), 'UTC'), '%Y-%m-%dT%H:%M:%S'), '.', substring(toString(1000 + max(ms) % 1000), 2), 'Z') AS last_seen,
       arrayStringConcat(arraySort(groupUniqArray(rosetta_source)), ',') AS sources,
       max(process_path) AS process_path
FROM (
    SELECT computer_name, src_ip, process_name, dst_ip, dst_port, network_protocol, rosetta_source, process_path,
           toUInt64(toUnixTimestamp(event_date_creation)) * 1000 + ifNull(event_date_creation_ms, 0) AS ms
    FROM events FINAL
    WHERE process_side = 'src' AND dst_ip_type = 'Public' AND isNotNull(dst_port)
      AND NOT has(arrayMap(p -> toInt64OrZero(p), splitByChar(',', replaceAll(toString(:standard_ports), ' ', ''))), assumeNotNull(dst_port))
)
GROUP BY host, process_name, dst_ip, dst_port, network_protocol
ORDER BY connections DESC, host, process_name
