#!/usr/bin/env bash
# Coverage-guided fuzzing of the importers with Jazzer (docs/FUZZING.md).
#
#   bench/fuzz.sh [minutes per target] [target ...]
#
# Each target runs in fuzzing mode (JAZZER_FUZZ=1) in rounds of 30 s (the @FuzzTest maxDuration) until its minutes
# are spent; every round continues from the corpus Jazzer keeps in .cifuzz-corpus/ (not committed), so the rounds add
# up. A crash stops the target: Jazzer writes the input to src/test/resources/<package>/<Class>Inputs/<method>/
# crash-<sha1>, where it becomes a regression input of the normal suite once committed (after the fix).
# Default: 5 minutes for each of the four targets.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-5}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(PlanImportFuzzTest FormWorkbookFuzzTest CriteriaFilesFuzzTest UnitCsvFuzzTest)
fi
rounds=$(( minutes * 2 ))
[ "$rounds" -lt 1 ] && rounds=1
mkdir -p target/fuzz
for t in "${targets[@]}"; do
  echo "== $t: $rounds rounds of 30 s"
  for r in $(seq 1 "$rounds"); do
    log="target/fuzz/$t-$r.log"
    if ! JAZZER_FUZZ=1 ./mvnw -B -q -o test-compile surefire:test@fuzz-regression -Dtest="$t" >"$log" 2>&1; then
      echo "   round $r: FINDING, see $log and the crash-* input it names"
      grep -m 5 -E "== Java Exception|crash-|FuzzerSecurityIssue|Exception" "$log" || true
      break
    fi
    execs=$(grep -Eo "#[0-9]+\s+(DONE|pulse|NEW|REDUCE)" "$log" | tail -1 | grep -Eo "[0-9]+" || echo "?")
    corpus=$(grep -Eo "corp: [0-9]+/[0-9]+[a-zA-Z]*" "$log" | tail -1 || echo "")
    cov=$(grep -Eo "cov: [0-9]+" "$log" | tail -1 || echo "")
    echo "   round $r: ok, $execs executions, $cov, $corpus"
  done
done
