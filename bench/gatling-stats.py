#!/usr/bin/env python3
"""Prints the statistics of the newest Gatling report (bench/gatling/target/gatling) per group and request:
count, failures, p50/p75/p95/p99 and max (ms), requests/s. Usage: bench/gatling-stats.py [report dir]."""
import glob, json, os, re, sys

def newest():
    runs = [d for d in glob.glob(os.path.join(os.path.dirname(__file__), 'gatling/target/gatling/*/')) if os.path.isdir(d)]
    return max(runs, key=os.path.getmtime)

run = sys.argv[1] if len(sys.argv) > 1 else newest()
text = open(os.path.join(run, 'js/stats.js'), encoding='utf-8').read()
text = text[text.index('{'):text.index('\nfunction')].rstrip().rstrip(';')
text = re.sub(r'^(\s*)(\w+):', r'\1"\2":', text, flags=re.M)  # the JavaScript object's bare keys, quoted
data = json.loads(text)

def show(node, depth=0):
    s = node['stats']
    v = lambda k: s[k]['total']
    print('%s%-40s n=%-7s ko=%-5s p50=%-6s p75=%-6s p95=%-6s p99=%-6s max=%-6s %s req/s' % (
        '  ' * depth, s['name'][:40], v('numberOfRequests'), s['numberOfRequests']['ko'], v('percentiles1'),
        v('percentiles2'), v('percentiles3'), v('percentiles4'), v('maxResponseTime'),
        v('meanNumberOfRequestsPerSecond')))
    for child in (node.get('contents') or {}).values():
        show(child, depth + 1)

print(os.path.basename(run.rstrip('/')))
show(data)
