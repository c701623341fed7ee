-- Unsigned processes, or processes run from user-writable folders, making outgoing connections
--
-- Legitimate software that talks to the network is installed under Program Files or the system folders and is
-- signed; malware dropped by a user or an exploit runs from the profile, Temp, Downloads, ProgramData or /tmp.
-- Outgoing connections whose process is reported unsigned (process_signature_status, from SentinelOne) or whose
-- image path (process_path) is under a folder any user can write, grouped by process image.
-- param destinations_shown = 5: how many of each process's destinations to list
--
-- ClickHouse (18.16 and later): times are DateTime seconds plus a _ms column, so times are shown to the millisecond; no window
-- functions, so arrays and joins; FINAL, so that an event stored by two runs counts once before ClickHouse merges them.
SELECT process, why,
       count() AS connections,
       uniqExact(dst_ip) AS destinations,
       arrayStringConcat(arraySlice(arraySort(groupUniqArray(concat(ifNull(dst_ip, ''), ':', toString(dst_port)))), 1, :destinations_shown), ' ') AS some_destinations,
       arrayStringConcat(arraySort(groupUniqArray(ifNull(computer_name, src_ip))), ',') AS hosts,
       concat(formatDateTime(toDateTime(intDiv(min(ms), 1000), 'UTC'), '%Y-%m-%dT%H:%M:%S'), '.', substring(toString(1000 + min(ms) % 1000), 2), 'Z') AS first_seen,
       arrayStringConcat(arraySort(groupUniqArray(rosetta_source)), ',') AS sources
FROM (
    SELECT ifNull(process_path, process_name) AS process, dst_ip, dst_port, computer_name, src_ip, rosetta_source, ms,
           multiIf(unsigned AND user_writable, 'unsigned, user-writable path', unsigned, 'unsigned', 'user-writable path') AS why
    FROM (
        SELECT process_path, process_name, dst_ip, dst_port, computer_name, src_ip, rosetta_source,
               toUInt64(toUnixTimestamp(event_date_creation)) * 1000 + ifNull(event_date_creation_ms, 0) AS ms,
               lower(replaceAll(ifNull(process_path, ''), '/', '\\')) AS path,
               lower(ifNull(process_signature_status, '')) IN ('unsigned', 'invalid', 'notsigned', 'untrusted', 'expired') AS unsigned,
               position(path, '\\users\\') > 0 OR position(path, '\\appdata\\') > 0 OR position(path, '\\temp\\') > 0
               OR position(path, '\\tmp\\') > 0 OR position(path, '\\downloads\\') > 0 OR position(path, '\\programdata\\') > 0
               OR position(path, '\\recycle.bin\\') > 0
               OR position(path, '\\home\\') = 1 OR position(path, '\\dev\\shm\\') = 1 OR position(path, '\\var\\tmp\\') = 1 AS user_writable
        FROM events FINAL
        WHERE process_side = 'src' AND network_direction = 'outbound'
    )
    WHERE unsigned OR user_writable
)
GROUP BY process, why
ORDER BY connections DESC, process
