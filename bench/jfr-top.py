#!/usr/bin/env python3
"""Summarise a JFR recording's CPU samples: the top frames (self) and the dxgov/Spring/Thymeleaf frames that most
samples pass through (inclusive), the text version of a flame graph's widest towers.
   bench/jfr-top.py recording.jfr [top=15] [frame]
With a frame (e.g. org.thymeleaf.TemplateEngine.process), only the samples that pass through it count: a recording
of the whole run (start-up included) then shows where that frame's time went."""
import json, subprocess, sys, collections
rec, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
within = sys.argv[3] if len(sys.argv) > 3 else None
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
selfc, incl = collections.Counter(), collections.Counter()
n = 0
for e in events:
    frames = (e["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if within and within not in names:
        continue
    n += 1
    selfc[names[0]] += 1
    for name in set(names):
        if name.startswith(("vn.dxgov", "org.thymeleaf", "org.springframework.security", "org.postgresql",
                            "org.springframework.jdbc", "org.springframework.web.servlet.resource",
                            "org.springframework.context.support", "java.text",
                            "org.springframework.expression", "org.thymeleaf.spring6", "org.thymeleaf.extras")):
            incl[name] += 1
print(f"{n} execution samples in {rec}" + (f" passing through {within}" if within else ""))
print("top frames (self):")
for name, c in selfc.most_common(top):
    print(f"  {c:6d} {100.0 * c / n:5.1f} %  {name}")
print("widest frames (inclusive, dxgov, Thymeleaf, Spring Security/JDBC/resources, PostgreSQL driver):")
for name, c in incl.most_common(top * 2):
    print(f"  {c:6d} {100.0 * c / n:5.1f} %  {name}")
# who calls the hottest self frame (its first dxgov/Spring callers)
hot = selfc.most_common(1)[0][0] if selfc else None
callers = collections.Counter()
for e in events:
    frames = (e["values"].get("stackTrace") or {}).get("frames") or []
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if within and within not in names:
        continue
    if names and names[0] == hot:
        callers[" <- ".join(names[1:5])] += 1
print(f"callers of {hot}:")
for name, c in callers.most_common(5):
    print(f"  {c:6d}  {name}")
