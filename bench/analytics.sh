#!/usr/bin/env sh
# Analytics benchmark: the in-memory aggregate (Analytics) against the same aggregation in SQL on the same
# PostgreSQL data. Takes a few minutes on 2 cores; writes bench/results/analytics.md and prints it.
# Settings, e.g. a quick check: bench/analytics.sh -Dbench.indicators=5 -Dbench.samples=20
# (see src/test/java/vn/dxgov/bench/AnalyticsBenchmark.java for all of them).
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile surefire:test@default-test -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true \
  -Dbench.out=bench/results/analytics.md "$@"
cat bench/results/analytics.md
