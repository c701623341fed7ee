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

# 5. Defender: streaming API (Event Hub) records, one per line, with a process event no dictionary runs yet
#    (it goes to the dead letters) and one truncated line (malformed, also a dead letter).
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
print("samples written to", here)
