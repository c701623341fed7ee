-- Possible beaconing: many connections to one destination at regular intervals
--
-- An implant calls home on a timer; people and most software do not. For each source address, destination
-- address, destination port and reporting source, the gaps between consecutive connections: a pair with at
-- least :min_connections connections whose gaps average at least :min_interval seconds and vary by at most
-- :max_jitter of their mean (coefficient of variation) is listed. Works for endpoint and sensor sources alike
-- (src is the side that opened the connection, whatever the vendor).
-- param min_connections = 6: fewest connections to call it beaconing
-- param min_interval = 1: smallest mean gap in seconds (below it: bursts, not beacons)
-- param max_jitter = 0.2: largest standard deviation of the gaps, as a fraction of their mean
--
-- ClickHouse (18.16 and later): times are DateTime seconds plus a _ms column, so times are shown to the millisecond; no window
-- functions, so arrays and joins; FINAL, so that an event stored by two runs counts once before ClickHouse merges them.
SELECT src_ip, host, process_name, dst_ip, dst_port, connections,
       round(mean_gap, 3) AS mean_interval_s,
       round(jitter, 3) AS jitter,
       toString(toDateTime(toUInt32(floor(times[1])), 'UTC')) AS first_seen,
       toString(toDateTime(toUInt32(floor(times[-1])), 'UTC')) AS last_seen,
       rosetta_source AS source
FROM (
    SELECT src_ip, dst_ip, dst_port, rosetta_source,
           max(process_name) AS process_name, max(computer_name) AS host,
           count() AS connections,
           arraySort(groupArray(toFloat64(toUnixTimestamp(event_date_creation)) + ifNull(event_date_creation_ms, 0) / 1000)) AS times,
           arrayPopFront(arrayDifference(times)) AS gaps,
           arraySum(gaps) / length(gaps) AS mean_gap,
           sqrt(greatest(arraySum(arrayMap(g -> g * g, gaps)) / length(gaps) - mean_gap * mean_gap, 0)) / mean_gap AS jitter
    FROM events FINAL
    WHERE isNotNull(src_ip) AND isNotNull(dst_ip) AND isNotNull(event_date_creation)
      AND network_direction IN ('outbound', 'internal', 'external')
    GROUP BY src_ip, dst_ip, dst_port, rosetta_source
)
WHERE connections >= :min_connections AND mean_gap >= :min_interval AND jitter <= :max_jitter
ORDER BY jitter, connections DESC
