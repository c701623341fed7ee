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
WITH connections AS (
    SELECT src_ip, dst_ip, dst_port, rosetta_source, process_name, computer_name,
           unixepoch(event_date_creation, 'subsec') AS t
    FROM events
    WHERE src_ip IS NOT NULL AND dst_ip IS NOT NULL AND event_date_creation IS NOT NULL
      AND network_direction IN ('outbound', 'internal', 'external')
),
gaps AS (
    SELECT *, t - lag(t) OVER (PARTITION BY src_ip, dst_ip, dst_port, rosetta_source ORDER BY t) AS gap
    FROM connections
),
pairs AS (
    SELECT src_ip, dst_ip, dst_port, rosetta_source,
           max(process_name) AS process_name, max(computer_name) AS host,
           count(*) AS connections,
           avg(gap) AS mean_gap,
           avg(gap * gap) - avg(gap) * avg(gap) AS gap_variance,
           datetime(min(t), 'unixepoch') AS first_seen,
           datetime(max(t), 'unixepoch') AS last_seen
    FROM gaps
    GROUP BY src_ip, dst_ip, dst_port, rosetta_source
)
SELECT src_ip, host, process_name, dst_ip, dst_port, connections,
       round(mean_gap, 3) AS mean_interval_s,
       round(sqrt(max(gap_variance, 0)) / mean_gap, 3) AS jitter,
       first_seen, last_seen, rosetta_source AS source
FROM pairs
WHERE connections >= :min_connections AND mean_gap >= :min_interval
  AND max(gap_variance, 0) <= (:max_jitter * mean_gap) * (:max_jitter * mean_gap)
ORDER BY jitter, connections DESC;
