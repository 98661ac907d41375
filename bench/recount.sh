#!/usr/bin/env bash
# Counting speed of the Recount command as a whole process (JVM start, reading the BLT file, counting,
# printing the sheet) on synthetic elections of 15 candidates and 5 seats (bench/SyntheticBlt.java), each
# rule RUNS times; prints the wall time and peak resident memory of each run and their ranges.
# If droop (the Python reference counter, https://github.com/jklundell/droop) is present, as DROOP=path/to/Droop.py,
# it counts the 200,000-ballot file in the same run and the ratio is printed.
# Settings: RUNS (3), RULES ("scotland meek ni85 ers97"), SIZES ("100000 1000000"), DROOP, DROOP_RUNS (1).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
RULES=${RULES:-scotland meek ni85 ers97}
SIZES=${SIZES:-100000 1000000}
DROOP_RUNS=${DROOP_RUNS:-1}
WORK=target/recount
mkdir -p "$WORK"
[ -f target/classes/org/mutualvote/count/Recount.class ] || ./mvnw -B -q compile
for n in $SIZES ${DROOP:+200000}; do
  [ -f "$WORK/$n.blt" ] || java bench/SyntheticBlt.java "$n" "$WORK/$n.blt"
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "command: java -cp target/classes org.mutualvote.count.Recount --rule RULE FILE.blt"

# Runs a command RUNS times; prints its times and memory and leaves the lowest wall time in $best.
measure() { # label runs command...
  local label=$1 runs=$2; shift 2
  local walls=() rss=()
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/out.txt"
    read -r wall kb < "$WORK/time.txt"
    walls+=("$wall"); rss+=($((kb / 1024)))
  done
  best=$(printf '%s\n' "${walls[@]}" | sort -n | head -1)
  printf '%-28s wall %s s (range %s-%s)   peak RSS %s MB (range %s-%s)\n' "$label" "${walls[*]}" \
    "$best" "$(printf '%s\n' "${walls[@]}" | sort -n | tail -1)" "${rss[*]}" \
    "$(printf '%s\n' "${rss[@]}" | sort -n | head -1)" "$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"
}

for n in $SIZES; do
  for rule in $RULES; do
    measure "$rule $n" "$RUNS" java -cp target/classes org.mutualvote.count.Recount --rule "$rule" "$WORK/$n.blt"
  done
done

if [ -n "${DROOP:-}" ]; then
  echo "droop: $DROOP on 200,000 ballots, against Recount on the same file"
  for rule in scotland meek; do
    measure "recount $rule 200000" "$RUNS" java -cp target/classes org.mutualvote.count.Recount --rule "$rule" "$WORK/200000.blt"
    ours=$best
    measure "droop $rule 200000" "$DROOP_RUNS" python3 "$DROOP" "$rule" "$WORK/200000.blt"
    awk -v d="$best" -v o="$ours" -v r="$rule" 'BEGIN { printf "ratio %-21s droop / Recount = %.1f\n", r, d / o }'
  done
else
  echo "droop: not measured (set DROOP=path/to/Droop.py to compare)"
fi
