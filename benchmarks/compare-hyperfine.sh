#!/usr/bin/env bash
# Measures the same commands with hyperfine -N and with the harness, interleaved, and writes
# results/hyperfine-comparison.json: execFloor, execBinary and warm go run and go build for each fixture.
# Installs Debian's hyperfine package when hyperfine is missing (needs root and apt-get).
#
# Usage: benchmarks/compare-hyperfine.sh [compare-hyperfine options, e.g. --rounds=10 --only=hello]
# Builds benchmarks/target/benchmarks.jar first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "== Installing hyperfine (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends hyperfine
fi
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  echo "== Building benchmarks/target/benchmarks.jar"
  mvn -B -q -ntp package -DskipTests
fi

launch_mechanism=()
if [ "$(uname -s)" = Linux ]; then
  # The same launch mechanism the suite runner gives its JMH forks.
  launch_mechanism=(-Djdk.lang.Process.launchMechanism=VFORK)
fi
exec java "${launch_mechanism[@]}" -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli compare-hyperfine \
  --root=. --command-line="benchmarks/compare-hyperfine.sh $*" "$@"
