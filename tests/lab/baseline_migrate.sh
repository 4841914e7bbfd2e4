#!/bin/bash
# Baseline for live migration without Umbra: while plain
#   virsh migrate --live --persistent --undefinesource --unsafe
# moves one guest from the lab's first host to its second and back, an HTTP
# poller (curl, 1 s timeout, a request every 20 ms) asks the guest through
# HAProxy. Prints one JSON line: migration time per move, requests sent and
# failed, their p50/p99/max latency (a failed request with the time until it
# failed), and the longest time without a successful answer.
#
#   tests/lab/baseline_migrate.sh [GUEST]     (default: the first guest)
#
# The requests carry `Host: GUEST` (the guest's own backend, where it is the
# only server); BASELINE_HOST=other sends them to be_all instead, round robin
# over every guest.
#
# Needs a running lab (scripts/lab up); reads /run/umbra-lab/lab.env.
set -euo pipefail

env=${LAB_ENV:-/run/umbra-lab/lab.env}
[ -r "$env" ] || {
    echo "baseline_migrate: no $env; start the lab with scripts/lab up" >&2
    exit 1
}
# shellcheck disable=SC1090
. "$env"

guest=${1:-${LAB_GUESTS%% *}}
read -r h_a h_b _ <<< "$LAB_HOST_KEYS"
[ -n "${h_b:-}" ] || {
    echo "baseline_migrate: needs a lab with at least two hosts" >&2
    exit 1
}
v=LAB_URI_$h_a uri_a=${!v} v=LAB_MIGRATE_$h_a mig_a=${!v}
v=LAB_URI_$h_b uri_b=${!v} v=LAB_MIGRATE_$h_b mig_b=${!v}
poll_ms=20
timeout_s=1
settle_s=3
max_poll_s=180
host_header=${BASELINE_HOST:-$guest}

# Start where the guest is expected: on the first host.
if ! virsh -q -c "$uri_a" domstate "$guest" 2> /dev/null | grep -q running; then
    if virsh -q -c "$uri_b" domstate "$guest" 2> /dev/null | grep -q running; then
        virsh -q -c "$uri_b" migrate --live --persistent --undefinesource --unsafe \
            "$guest" "$uri_a" "$mig_a" > /dev/null
    else
        echo "baseline_migrate: $guest is not running on $h_a or $h_b" >&2
        exit 1
    fi
fi

work=$(mktemp -d /tmp/umbra-baseline.XXXXXX)
log=$work/poll.log
poller_pid=""
cleanup() {
    [ -n "$poller_pid" ] && kill "$poller_pid" 2> /dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# One curl paces the requests (--rate: one every poll_ms, never overlapping)
# and prints each status and duration as it completes (000 for a timeout or a
# refused connection); each line gets the time it arrived.
start_poller() {
    local n=$((max_poll_s * 1000 / poll_ms))
    curl -s -o /dev/null --rate "$((1000 / poll_ms))/s" -m "$timeout_s" \
        -w '%{stderr}%{http_code} %{time_total}\n' -H "Host: $host_header" \
        "$HAPROXY_HTTP/health?n=[1-$n]" \
        > /dev/null 2> >(while read -r code secs; do echo "$EPOCHREALTIME $code $secs"; done > "$log") &
    poller_pid=$!
}

migrate() { # from-uri to-uri to-migration-uri
    local t0 t1
    t0=$EPOCHREALTIME
    virsh -q -c "$1" migrate --live --persistent --undefinesource --unsafe \
        "$guest" "$2" "$3" > /dev/null
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

start_poller
sleep "$settle_s"
there=$(migrate "$uri_a" "$uri_b" "$mig_b")
sleep "$settle_s"
back=$(migrate "$uri_b" "$uri_a" "$mig_a")
sleep "$settle_s"
kill "$poller_pid"
wait "$poller_pid" 2> /dev/null || true
poller_pid=""
sleep 0.2

# Latency percentiles over every request.
read -r p50 p99 pmax < <(awk '{ print $3 * 1000 }' "$log" | sort -n | awk '
    { v[NR] = $1 }
    END { i50 = int(NR * 0.5) + 1; i99 = int(NR * 0.99) + 1
          if (i50 > NR) i50 = NR; if (i99 > NR) i99 = NR
          printf "%d %d %d\n", v[i50], v[i99], v[NR] }')

# Longest gap: the longest time between two successful answers (or between the
# poller's start/end and the nearest success).
awk -v guest="$guest" -v ha="umbra-lab-$h_a" -v hb="umbra-lab-$h_b" \
    -v there="$there" -v back="$back" -v poll_ms="$poll_ms" -v timeout_s="$timeout_s" \
    -v p50="$p50" -v p99="$p99" -v pmax="$pmax" -v host="$host_header" '
    NR == 1 { first = $1; last_ok = $1 }
    { sent++; end = $1
      if ($2 == "200") { gap = $1 - last_ok; if (gap > longest) longest = gap; last_ok = $1 }
      else failed++ }
    END {
        gap = end - last_ok; if (gap > longest) longest = gap
        printf "{\"guest\":\"%s\",\"moves\":[{\"from\":\"%s\",\"to\":\"%s\",\"seconds\":%s},", guest, ha, hb, there
        printf "{\"from\":\"%s\",\"to\":\"%s\",\"seconds\":%s}],", hb, ha, back
        printf "\"requests\":%d,\"failed\":%d,\"longest_gap_ms\":%d,", sent, failed + 0, longest * 1000
        printf "\"p50_ms\":%d,\"p99_ms\":%d,\"max_ms\":%d,\"host\":\"%s\",", p50, p99, pmax, host
        printf "\"poll_interval_ms\":%d,\"timeout_ms\":%d,\"duration_s\":%.1f}\n", poll_ms, timeout_s * 1000, end - first
    }' "$log"
