#!/usr/bin/env sh
# Analytics at national scale (issue 13, goal 2): a deterministic national data set (real units before and after the
# 2025 reform, 200 indicators of every aggregation kind, monthly over ten years: about 80 M values) loaded through COPY
# into an ephemeral embedded PostgreSQL, the in-memory aggregate built from it and compared with GROUP BY ROLLUP on
# every measured call. Needs about 25 GB of disk in /tmp and 20-40 minutes on 2 cores; writes bench/results/national.md.
# A smaller run: bench/national.sh -Dbench.indicators=20 (see src/test/java/vn/dxgov/bench/NationalBenchmark.java).
set -e
# surefire:test@default-test: `test` would run the benchmark a second time in the fuzz-regression execution
cd "$(dirname "$0")/.."
out=bench/results/national.md
for a in "$@"; do
  case "$a" in -Dbench.out=*) out="${a#-Dbench.out=}" ;; esac
done
uptime
./mvnw -q -B -o test-compile surefire:test@default-test -Dtest=NationalBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.skip=true -Dbench=true \
  -Dbench.out="$out" "$@"
uptime
cat "$out"
