#!/usr/bin/env python3
"""Writes Rosetta's bundled samples/ from the seed's own sample and the bench generators in ../shared/bench.

Deterministic: the same shared/ gives the same files. Run from the repository root:
    python3 scripts/make-samples.py ../shared
The samples are committed; this script only documents (and can redo) how they were made.
"""
import csv
import gzip
import io
import json
import os
import subprocess
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")


def gen(script, *args):
    out = subprocess.run([sys.executable, os.path.join(shared, "bench", script), *args],
                         check=True, capture_output=True, text=True).stdout
    return out


def write(path, text, mode="w"):
    full = os.path.join(here, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, mode, encoding=None if "b" in mode else "utf-8", newline=None if "b" in mode else "\n") as f:
        f.write(text)


# 1. SentinelOne: the seed's own Event JSON sample, as its author pretty-printed it (without the glued fence).
seed = open(os.path.join(shared, "seeds", "003_f8a51923cde39398.txt"), encoding="utf-8").read().split("\n")
sample = "\n".join(seed[16:93]).replace("}```", "}") + "\n"
write("sentinelone/seed-003-event.json", sample)

# 2. SentinelOne Deep Visibility export lines (generated), gzip-compressed as exports usually are.
s1 = gen("gen_s1.py", "40", "--seed", "7")
write("sentinelone/deep-visibility-export.ndjson.gz", gzip.compress(s1.encode(), mtime=0), "wb")

# 3. Defender: the portal's CSV export of NetworkCommunicationEvents (generated).
write("defender/network-events-portal.csv", gen("gen_mdatp.py", "25", "--seed", "3", "--format", "csv"))

# 4. Defender: an Advanced Hunting API response of DeviceNetworkEvents (renamed columns), Schema + Results.
rows = [json.loads(l) for l in gen("gen_mdatp.py", "5", "--seed", "5").splitlines()]
renamed = {"EventTime": "Timestamp", "MachineId": "DeviceId", "ComputerName": "DeviceName"}
rows = [{renamed.get(k, k): v for k, v in r.items()} for r in rows]
schema = [{"Name": k, "Type": "Int64" if isinstance(v, int) else "String"} for k, v in rows[0].items()]
write("defender/advanced-hunting-api.json", json.dumps({"Schema": schema, "Results": rows}, indent=2) + "\n")

# 5. Defender: streaming API (Event Hub) records, one per line, with a process event (DeviceProcessEvents) and one
#    truncated line (malformed: a dead letter).
lines = []
for r in rows[:3]:
    props = dict(r)
    lines.append(json.dumps({"time": props["Timestamp"], "tenantId": "00000000-0000-4000-8000-000000000001",
                             "operationName": "Publish", "category": "AdvancedHunting-DeviceNetworkEvents",
                             "properties": props}))
lines.append(json.dumps({"time": "2019-10-24T16:12:01.0000000Z", "tenantId": "00000000-0000-4000-8000-000000000001",
                         "operationName": "Publish", "category": "AdvancedHunting-DeviceProcessEvents",
                         "properties": {"Timestamp": "2019-10-24T16:12:00.9000000Z", "ActionType": "ProcessCreated",
                                        "FileName": "cmd.exe", "ProcessId": 4242, "InitiatingProcessId": 4000}}))
lines.append(lines[0][:120])
write("defender/streaming-api.ndjson", "\n".join(lines) + "\n")


def ossem_sample(path, fmt):
    """The event_sample block of one format from an OSSEM-DD file, verbatim."""
    import yaml  # noqa: only for this script
    doc = yaml.safe_load(open(os.path.join(shared, "ossem-dd", path), encoding="utf-8"))
    return next(s["sample"] for s in doc["event_sample"] if s["format"] == fmt)


# 6. Sysmon: Event Viewer's "Save as XML" of OSSEM-DD's own EID 3 and EID 1 samples, plus an accepted RDP
#    connection written from the EID 3 sample (svchost.exe, Initiated false, the client as Source).
eid3 = ossem_sample("windows/sysmon/events/event-3.yml", "xml")
eid1 = ossem_sample("windows/sysmon/events/event-1.yml", "xml")
rdp = (eid3.replace("<EventRecordID>2429140", "<EventRecordID>2429141")
       .replace(">udp<", ">tcp<").replace('"Initiated">true', '"Initiated">false')
       .replace('"SourceIp">127.0.0.1', '"SourceIp">10.20.30.40').replace('"SourcePort">58662', '"SourcePort">51234')
       .replace('"DestinationIp">239.255.255.250', '"DestinationIp">10.20.30.5')
       .replace('"DestinationPort">1900', '"DestinationPort">3389')
       .replace('"DestinationPortName">-', '"DestinationPortName">ms-wbt-server'))
write("sysmon/sysmon-operational.xml",
      '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>\n' + "\n".join([eid3, eid1, rdp]) + "\n</Events>\n")

# 7. Windows Security 5156: OSSEM-DD's EventData (an inbound mDNS datagram) in the System block Windows writes,
#    and an outbound connection written the same way.
system = """<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-a5ba-3e3b0328c30d}" />
    <EventID>5156</EventID>
    <Version>1</Version>
    <Level>0</Level>
    <Task>12810</Task>
    <Opcode>0</Opcode>
    <Keywords>0x8020000000000000</Keywords>
    <TimeCreated SystemTime="%s" />
    <EventRecordID>%d</EventRecordID>
    <Correlation />
    <Execution ProcessID="4" ThreadID="%d" />
    <Channel>Security</Channel>
    <Computer>wkstn-07.contoso.local</Computer>
    <Security />
  </System>
%s
</Event>"""
inbound = ossem_sample("windows/etw-providers/Microsoft-Windows-Security-Auditing/events/event-5156_v1.yml", "xml")
outbound = (inbound.replace(">4444<", ">7312<").replace("%%14592", "%%14593")
            .replace(">fe80::4d2:570a:681b:5d24<", ">10.20.30.7<").replace('"SourcePort">5353', '"SourcePort">50522')
            .replace(">ff02::fb<", ">52.96.88.162<").replace('"DestPort">5353', '"DestPort">443')
            .replace('"Protocol">17', '"Protocol">6'))
events = [system % ("2022-09-22T23:51:54.853592100Z", 308129, 3712, inbound),
          system % ("2022-09-22T23:52:10.101000000Z", 308130, 3712, outbound)]
write("windows-security/security-5156.xml", "\n".join(events) + "\n")

# 8. Zeek: the first 40 records of the shared corpus's conn.log (JSON) in Zeek's own TSV form.
conn = [json.loads(l) for l in open(os.path.join(shared, "corpus", "zeek", "conn.log"), encoding="utf-8")][:40]
columns = ["ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service", "duration",
           "orig_bytes", "resp_bytes", "conn_state", "local_orig", "local_resp", "missed_bytes", "history",
           "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "tunnel_parents"]
types = ["time", "string", "addr", "port", "addr", "port", "enum", "string", "interval", "count", "count", "string",
         "bool", "bool", "count", "string", "count", "count", "count", "count", "set[string]"]


def zeek_value(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "T" if v else "F"
    if isinstance(v, float):
        return "%.6f" % v
    return str(v) if str(v) != "" else "(empty)"


tsv = ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\tconn",
       "#open\t1989-12-13-22-00-00", "#fields\t" + "\t".join(columns), "#types\t" + "\t".join(types)]
tsv += ["\t".join(zeek_value(r.get(c)) for c in columns) for r in conn]
tsv.append("#close\t1989-12-13-22-10-00")
write("zeek/conn.log", "\n".join(tsv) + "\n")

# 9. SentinelOne Cloud Funnel 2.0: generated Deep Visibility connections in the flat dotted form Cloud Funnel writes.
cf = []
for line in gen("gen_s1.py", "12", "--seed", "11").splitlines():
    e = json.loads(line)
    t, src = e["tcpv4"], e["tcpv4"]["source"]
    cf.append(json.dumps({
        "event.time": int(e["timestamp"]["millisecondsSinceEpoch"]) if "timestamp" in e else 0,
        "event.category": "ip", "event.type": "IPConnect" if t["direction"] == "OUTGOING" else "IPListen",
        "meta.event.name": "TCPV4", "event.network.direction": t["direction"],
        "event.network.connectionStatus": t["status"],
        "src.ip.address": t["sourceAddress"]["address"], "src.port.number": t["sourceAddress"]["port"],
        "dst.ip.address": t["destinationAddress"]["address"], "dst.port.number": t["destinationAddress"]["port"],
        "src.process.name": src["name"], "src.process.pid": src["fullPid"]["pid"],
        "src.process.cmdline": src.get("commandLine"), "src.process.user": src.get("user"),
        "src.process.integrityLevel": src.get("integrityLevel"), "endpoint.name": e.get("agentName", "wkstn-07"),
        "dataSource.name": "SentinelOne", "dataSource.category": "security"}))
write("sentinelone/cloud-funnel.ndjson", "\n".join(cf) + "\n")

# 10. Carbon Black (Response event forwarder) netconn events, written from OSSEM-DD's sample values.
cb = {"cb_server": "cbserver", "computer_name": "WIN-OTEMNUTBS23", "direction": "outbound",
      "domain": "carbonblack.com", "event_type": "netconn", "ipv4": "104.16.88.26", "local_ip": "172.22.10.7",
      "local_port": 49292, "md5": "0E80D0F0E6D4C2C5A3E09FF9D9C2B6B1", "pid": 3004, "port": 443,
      "process_guid": "00000001-0000-0bbc-01d2-c5c7ae2e1b64", "protocol": 6, "remote_ip": "104.16.88.26",
      "remote_port": 443, "sensor_id": 1, "timestamp": 1494436964, "type": "ingress.event.netconn"}
cb_in = dict(cb, direction="inbound", remote_ip="172.22.10.50", ipv4="172.22.10.50", remote_port=53001,
             local_port=445, port=445, pid=4, domain="", timestamp=1494437000)
write("carbonblack/netconn.ndjson", json.dumps(cb) + "\n" + json.dumps(cb_in) + "\n")

# 11. Zeek at the office gateway, as JSON lines (LogAscii::use_json=T): it saw five of the connections the endpoints
#     reported above (three Defender API rows, two SentinelOne Deep Visibility events), so that one flow reported by
#     two vendors can be joined on its Community ID ('rosetta hunt --saved same-flow-two-vendors').
def epoch(iso):
    import datetime
    return datetime.datetime.strptime(iso[:26], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc).timestamp()


seen = [(epoch(r["Timestamp"]), r["LocalIP"], r["LocalPort"], r["RemoteIP"], r["RemotePort"])
        for r in rows if r["ActionType"] == "ConnectionSuccess"][:3]
for line in s1.splitlines()[1:3]:
    t = json.loads(line)
    e = t["tcpv4"]
    seen.append((t["timestamp"]["millisecondsSinceEpoch"] / 1000, e["sourceAddress"]["address"], e["sourceAddress"]["port"],
                 e["destinationAddress"]["address"], e["destinationAddress"]["port"]))
gateway = []
for i, (ts, oh, op, rh, rp) in enumerate(sorted(seen)):
    gateway.append(json.dumps({"ts": round(ts - 0.004, 6), "uid": "CGw%04dRosettaSample" % i, "id.orig_h": oh, "id.orig_p": op,
                               "id.resp_h": rh, "id.resp_p": rp, "proto": "tcp", "service": "ssl" if rp == 443 else None,
                               "duration": 1.25 + i, "orig_bytes": 1200 + 100 * i, "resp_bytes": 5400 + 10 * i,
                               "conn_state": "SF", "local_orig": True, "local_resp": False, "missed_bytes": 0,
                               "history": "ShADadFf", "orig_pkts": 9 + i, "orig_ip_bytes": 1680 + 100 * i,
                               "resp_pkts": 8 + i, "resp_ip_bytes": 5820 + 10 * i}))
write("zeek/conn-gateway.log", "\n".join(gateway) + "\n")
print("samples written to", here)
