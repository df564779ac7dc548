#!/usr/bin/env bash
# PDF import speed: seed 001 laid out as a text PDF (45 pages) and as a scan (all pages OCR'd by Tesseract vie).
# Prints the time per page for both. Rerun: bench/pdf-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -o -q test -Dtest='PdfImportBench,PdfScannedImportTest' -Ddxgov.bench=true \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E '^(TEXT PDF|OCR):' || true
