# Defender NetworkCommunicationEvents rows (../shared/bench/gen_mdatp.py NDJSON) -> normalized fields, the baseline a
# user would write with jq: the seed's mapping, Local* as source. Run: jq -c -f bench/jq_mdatp.jq IN > OUT
{
  event_date_creation: .EventTime,
  action_type: .ActionType,
  computer_name: .ComputerName,
  src_ip: .LocalIP,
  src_port: .LocalPort,
  dst_ip: .RemoteIP,
  dst_port: .RemotePort,
  dst_host_name: .RemoteUrl,
  network_protocol: (.Protocol | ascii_downcase),
  process_id: .InitiatingProcessId,
  process_name: .InitiatingProcessFileName,
  process_command_line: .InitiatingProcessCommandLine,
  user_name: .InitiatingProcessAccountName
}
