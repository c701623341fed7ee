-- Processes talking to public addresses on non-standard ports
--
-- Command and control and exfiltration often leave on ports no business application uses. Outgoing connections
-- from a process to a public address (dst_ip_type Public, as Rosetta classifies every address) on a port outside
-- :standard_ports, grouped by process, destination and port.
-- param standard_ports = 20,21,22,25,53,80,110,123,143,389,443,465,587,636,853,993,995,3389,5985,5986,8080,8443: ports taken as normal (comma-separated)
WITH outgoing AS (
    SELECT * FROM events
    WHERE process_side = 'src' AND dst_ip_type = 'Public' AND dst_port IS NOT NULL
      AND instr(',' || replace(:standard_ports, ' ', '') || ',', ',' || dst_port || ',') = 0
)
SELECT coalesce(computer_name, src_ip) AS host,
       process_name, dst_ip, dst_port, network_protocol,
       count(*) AS connections,
       min(event_date_creation) AS first_seen,
       max(event_date_creation) AS last_seen,
       group_concat(DISTINCT rosetta_source) AS sources,
       max(process_path) AS process_path
FROM outgoing
GROUP BY host, process_name, dst_ip, dst_port, network_protocol
ORDER BY connections DESC, host, process_name;
