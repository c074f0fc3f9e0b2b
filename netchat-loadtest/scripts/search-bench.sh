#!/bin/bash
# Search and mentions latency on a large history: fills a running NetChat's PostgreSQL database with N messages
# (default 1,000,000) and times GET /api/search/messages and GET /api/mentions through the server, as a user
# would call them.
#
#   scripts/search-bench.sh http://127.0.0.1:8580 netchat_search [messages] [runs-per-query]
#
# Start NetChat on an empty PostgreSQL database first (docs/PERFORMANCE.md, "Search"). Users and channels are
# made through the API (so memberships are real); the messages are inserted with SQL in one statement, because
# posting a million messages through the API would measure posting, not search. Their text is 12 words drawn
# from a 20,000-word vocabulary with a Zipf-like (log-uniform rank) distribution, spread over 365 days and 100
# channels; the searching user is a member of half of the channels. Needs curl, psql and python3.
set -euo pipefail
URL=${1:?netchat url}
DB=${2:?postgresql database of that server}
N=${3:-1000000}
RUNS=${4:-50}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtA)
PASSWORD="search-bench-password-1"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
signup() {
  curl -sf -X POST "$URL/api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"fullName\":\"$1\",\"username\":\"$1\",\"password\":\"$PASSWORD\"}" \
  || curl -sf -X POST "$URL/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}"
}

reader_token=$(signup sbreader | json "['token']")
other_token=$(signup sbother | json "['token']")
reader_id=$("${PSQL[@]}" -c "select id from users where username = 'sbreader'")
other_id=$("${PSQL[@]}" -c "select id from users where username = 'sbother'")

existing=$("${PSQL[@]}" -c "select count(*) from messages where client_message_id like 'sb-%'")
if [ "$existing" -lt "$N" ]; then
  echo "creating 100 channels (the reader is a member of the even ones)"
  for i in $(seq 1 100); do
    if [ $((i % 2)) = 0 ]; then members="[\"$reader_id\"]"; else members="[]"; fi
    # Creating channels is rate-limited per user: wait as told (Retry-After) and try again.
    while :; do
      status=$(curl -s -o /dev/null -D /tmp/search-bench-headers -w '%{http_code}' -X POST "$URL/api/channels" \
        -H "Authorization: Bearer $other_token" -H 'Content-Type: application/json' \
        -d "{\"type\":\"team\",\"name\":\"sb-room-$i\",\"private\":true,\"memberIds\":$members}")
      [ "$status" = 429 ] || break
      sleep "$(grep -i '^retry-after:' /tmp/search-bench-headers | tr -dc '0-9' || echo 1)"
    done
    [ "$status" = 201 ] || [ "$status" = 409 ] || { echo "creating channel $i: HTTP $status"; exit 1; }
  done
  echo "inserting $N messages"
  start=$(date +%s)
  "${PSQL[@]}" <<SQL
with rooms as (select array_agg(id order by id) as ids from channels where name like 'sb-room-%')
insert into messages (id, channel_id, seq, user_id, text, client_message_id, created_at, updated_at)
select gen_random_uuid()::text, rooms.ids[1 + g % 100], 1000000 + g,
       case when g % 3 = 0 then '$reader_id' else '$other_id' end,
       t.text, 'sb-' || g, now() - (random() * interval '365 days'), now()
from generate_series(1, $N) g
cross join rooms
cross join lateral (
  select string_agg('w' || floor(exp(random() * ln(20000)))::int, ' ') as text
  from generate_series(1, 12 + 0 * g)) t;
analyze;
SQL
  echo "inserted in $(( $(date +%s) - start )) s"
fi

# Mentions: one message in 2,000 calls on the reader by name and one in 5,000 says @here, spread over all
# channels (half of them the reader's); the rest call on nobody. Added once, by an UPDATE (the generated
# text_tsv and mention_names columns follow).
if [ "$("${PSQL[@]}" -c "select count(*) from messages where client_message_id like 'sb-%' and text like '%@sbreader%'")" = 0 ]; then
  "${PSQL[@]}" -c "update messages set text = text || ' @sbreader' where client_message_id like 'sb-%'
                     and substr(client_message_id, 4)::int % 2000 = 0"
  "${PSQL[@]}" -c "update messages set text = text || ' @here' where client_message_id like 'sb-%'
                     and substr(client_message_id, 4)::int % 5000 = 1"
  "${PSQL[@]}" -c "analyze messages"
fi

# How many of all messages hold each word of the queries (w1 is the commonest word, w19000 one of the rarest).
for w in w1 w20 w300 w2000 w19000; do
  echo "$w is in $("${PSQL[@]}" -c "select count(*) from messages where text_tsv @@ to_tsquery('simple', '$w')") messages"
done
room=$("${PSQL[@]}" -c "select name from channels c join channel_members m on m.channel_id = c.id and m.user_id = '$reader_id' where c.name like 'sb-room-%' limit 1")
queries=(
  "w19000"
  "w2000"
  "w20"
  "w1"
  "w20 w300"
  "\"w5 w6\""
  "w20 in:#$room"
  "w20 from:@sbreader"
  "w300 after:$(date -u -d '30 days ago' +%F)"
  "from:@sbreader in:#$room"
)
printf '%-32s %8s %8s %8s %8s\n' query results p50_ms p99_ms max_ms
for q in "${queries[@]}"; do
  enc=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$q")
  count=$(curl -sf "$URL/api/search/messages?q=$enc&limit=20" -H "Authorization: Bearer $reader_token" | json "['messages'].__len__()")
  times=()
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' "$URL/api/search/messages?q=$enc&limit=20" -H "Authorization: Bearer $reader_token")")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print('%-32s %8s %8.1f %8.1f %8.1f' % (sys.argv[1][:32], sys.argv[2], p(0.50), p(0.99), t[-1]))" "$q" "$count"
done

# The Mentions view: its first page (30, newest first), and a page further back (before the 100th newest).
mentions=$("${PSQL[@]}" -c "select count(*) from messages m join channel_members cm on cm.channel_id = m.channel_id
  and cm.user_id = '$reader_id' where m.text like '%@sbreader%' or m.text like '%@here%'")
echo "the reader's channels hold $mentions messages that call on it"
older=$(curl -sf "$URL/api/mentions?limit=100" -H "Authorization: Bearer $reader_token" \
  | python3 -c "import json,sys; m=json.load(sys.stdin)['messages']; print(m[-1]['createdAt'])")
for label in "mentions, newest 30" "mentions, 30 before the 100th"; do
  path="/api/mentions?limit=30"
  [ "$label" = "mentions, newest 30" ] || path="$path&before=$older"
  count=$(curl -sf "$URL$path" -H "Authorization: Bearer $reader_token" | json "['messages'].__len__()")
  times=()
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' "$URL$path" -H "Authorization: Bearer $reader_token")")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print('%-32s %8s %8.1f %8.1f %8.1f' % (sys.argv[1][:32], sys.argv[2], p(0.50), p(0.99), t[-1]))" "$label" "$count"
done
