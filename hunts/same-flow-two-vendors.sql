-- One connection reported by two vendors, joined on its Community ID
--
-- Rosetta computes the Community ID (corelight's community-id-spec v1) of every connection from whichever side
-- opened it, so the same flow has the same ID whether Defender, SentinelOne, Sysmon, Windows 5156, Carbon Black or
-- Zeek reported it. This lists each flow seen by two sources, with what each knows: the endpoint names the process,
-- the network sensor counts the bytes. Reports more than :max_seconds apart are taken as a reused port, not the
-- same connection.
-- param max_seconds = 300: largest time between the two reports of one connection
SELECT a.network_community_id AS community_id,
       a.src_ip, a.src_port, a.dst_ip, a.dst_port, a.network_protocol AS protocol,
       a.rosetta_source AS source_a, b.rosetta_source AS source_b,
       a.event_date_creation AS time_a, b.event_date_creation AS time_b,
       coalesce(a.process_name, b.process_name) AS process_name,
       coalesce(a.computer_name, b.computer_name) AS host,
       coalesce(a.src_bytes, b.src_bytes) AS src_bytes,
       coalesce(a.dst_bytes, b.dst_bytes) AS dst_bytes
FROM events AS a
JOIN events AS b
  ON b.network_community_id = a.network_community_id AND a.rosetta_source < b.rosetta_source
WHERE a.network_community_id IS NOT NULL
  AND abs(unixepoch(a.event_date_creation, 'subsec') - unixepoch(b.event_date_creation, 'subsec')) <= :max_seconds
ORDER BY a.event_date_creation, a.network_community_id;
