#!/usr/bin/env python3
"""Defender NetworkCommunicationEvents (NDJSON or the portal's CSV) -> normalized NDJSON, python3 stdlib baseline:
the same fields as bench/jq_mdatp.jq.   py_mdatp.py IN OUT"""
import csv
import json
import sys

FIELDS = [("event_date_creation", "EventTime"), ("action_type", "ActionType"), ("computer_name", "ComputerName"),
          ("src_ip", "LocalIP"), ("src_port", "LocalPort"), ("dst_ip", "RemoteIP"), ("dst_port", "RemotePort"),
          ("dst_host_name", "RemoteUrl"), ("network_protocol", "Protocol"), ("process_id", "InitiatingProcessId"),
          ("process_name", "InitiatingProcessFileName"), ("process_command_line", "InitiatingProcessCommandLine"),
          ("user_name", "InitiatingProcessAccountName")]
NUMBERS = {"src_port", "dst_port", "process_id"}


def rows(path):
    with open(path, "r", encoding="utf-8", newline="") as f:
        first = f.readline()
        f.seek(0)
        if first.lstrip().startswith("{"):
            for line in f:
                if line.strip():
                    yield json.loads(line)
        else:
            yield from csv.DictReader(f)


def main():
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open(sys.argv[2], "w", encoding="utf-8", buffering=1 << 20) as out:
        for r in rows(sys.argv[1]):
            d = {}
            for name, column in FIELDS:
                v = r.get(column)
                if v in (None, ""):
                    continue
                if name in NUMBERS and isinstance(v, str):
                    v = int(v)
                if name == "network_protocol":
                    v = v.lower()
                d[name] = v
            out.write(dumps(d) + "\n")


if __name__ == "__main__":
    main()
