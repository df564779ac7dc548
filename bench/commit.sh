#!/usr/bin/env sh
# What durable commits cost: synchronous_commit on (dxgov) vs off (zonky's default) on the embedded database with a
# kept data directory, alternating blocks in one run. Writes bench/results/commit.md and prints it.
# Settings: -Dbench.blocks=10 -Dbench.commits=200
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=CommitBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true \
  -Dbench.out=bench/results/commit.md "$@"
cat bench/results/commit.md
