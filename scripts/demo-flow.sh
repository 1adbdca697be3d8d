#!/usr/bin/env bash
# The core flow, end to end, with curl against a running Teamaround (pnpm start):
# lead professional signs in → creates a family → records consent → adds a
# practitioner from another agency → creates an outcome and an action owned by
# the parent → invites the parent → the parent signs in, sees the action in
# "my actions" and marks it done.
#   usage: scripts/demo-flow.sh [http://127.0.0.1:3000]
set -euo pipefail
BASE=${1:-http://127.0.0.1:3000}
PASSWORD=demo-password-2026

# Read a value from the JSON on stdin: jget '.data.id'
jget() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=new Function("j",`return j${process.argv[1]}`)(JSON.parse(s));process.stdout.write(typeof v==="string"?v:JSON.stringify(v))})' "$1"; }

# The session cookie is __Host- and Secure, so carry it by hand rather than in a cookie jar.
COOKIE=""
api() { # api METHOD PATH [JSON]
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -X "$method" "$BASE$path" -H "Origin: $BASE" -H "Cookie: $COOKIE")
  [[ $method != GET ]] && args+=(-H "Content-Type: application/json" --data "${body:-{\}}")
  curl "${args[@]}"
}
sign_in() { # sign_in EMAIL PASSWORD → sets COOKIE
  COOKIE=$(curl -sS -D - -o /dev/null -X POST "$BASE/api/auth/sign-in" -H "Origin: $BASE" \
    -H "Content-Type: application/json" --data "{\"email\":\"$1\",\"password\":\"$2\"}" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(__Host-teamaround_session=[^;]*\).*/\1/p')
  [[ -n $COOKIE ]] || { echo "sign-in failed for $1" >&2; exit 1; }
  echo "signed in as $1"
}
in_days() { node -e "console.log(new Date(Date.now()+$1*864e5).toISOString().slice(0,10))"; }

sign_in lead@demo.teamaround.test "$PASSWORD"

FAMILY=$(api POST /api/families '{"displayName":"The Demo family","levelOfNeed":2}' | jget '.data.id')
echo "created family $FAMILY"

PARENT=$(api POST "/api/families/$FAMILY/members" \
  '{"kind":"adult","givenName":"Alex","familyName":"Demo","relationship":"mother","parentalResponsibility":true}' | jget '.data.id')
CHILD=$(api POST "/api/families/$FAMILY/members" \
  "{\"kind\":\"child\",\"givenName\":\"Jo\",\"familyName\":\"Demo\",\"dateOfBirth\":\"2016-05-04\",\"needs\":[\"education\"]}" | jget '.data.id')
echo "added parent $PARENT and child $CHILD"

AGENCIES=$(api GET /api/agencies)
EARLY_HELP=$(echo "$AGENCIES" | jget '.data.find(a=>a.name==="Eastmoor Early Help Service").id')
HEALTH=$(echo "$AGENCIES" | jget '.data.find(a=>a.type==="health").id')
NOW=$(node -e 'console.log(new Date().toISOString())')
CONSENT=$(api POST "/api/families/$FAMILY/consents" "{\"givenByMemberId\":\"$PARENT\",\"decision\":\"given\",
  \"coversMemberIds\":[\"$PARENT\",\"$CHILD\"],\"agencyIds\":[\"$EARLY_HELP\",\"$HEALTH\"],
  \"informationKinds\":[\"health\",\"education\",\"family_circumstances\"],\"method\":\"in_person\",\"obtainedAt\":\"$NOW\"}" | jget '.data.id')
echo "recorded consent $CONSENT"

HEALTH_VISITOR=$(api GET "/api/directory/practitioners?q=Okafor" | jget '.data[0].id')
api POST "/api/families/$FAMILY/team" "{\"userId\":\"$HEALTH_VISITOR\"}" | jget '.data.userId' >/dev/null
echo "added the health visitor to the team (on consent $CONSENT)"

OUTCOME=$(api POST "/api/families/$FAMILY/outcomes" "{\"area\":\"education\",\"title\":\"Jo goes to school every day\",
  \"measure\":\"Attendance above 95% for six weeks\",\"targetDate\":\"$(in_days 60)\"}" | jget '.data.id')
ACTION=$(api POST "/api/families/$FAMILY/actions" "{\"outcomeId\":\"$OUTCOME\",\"text\":\"Set two alarms on school mornings\",
  \"dueDate\":\"$(in_days 7)\",\"owners\":[{\"memberId\":\"$PARENT\"}]}" | jget '.data.id')
echo "created outcome $OUTCOME and action $ACTION owned by the parent"

EMAIL="alex.demo.$RANDOM@example.test"
LINK=$(api POST "/api/families/$FAMILY/members/$PARENT/invitation" "{\"email\":\"$EMAIL\"}" | jget '.data.setPasswordUrl')
TOKEN=$(node -e 'console.log(new URL(process.argv[1]).searchParams.get("token"))' "$LINK")
curl -sS -X POST "$BASE/api/auth/set-password" -H "Origin: $BASE" -H "Content-Type: application/json" \
  --data "{\"token\":\"$TOKEN\",\"password\":\"a long family passphrase\"}" >/dev/null
echo "invited the parent as $EMAIL; they set a password"

sign_in "$EMAIL" "a long family passphrase"
MINE=$(api GET /api/my/actions)
echo "parent's actions: $(echo "$MINE" | jget '.data.map(a=>a.text+" (due "+a.dueDate+")").join("; ")')"
VERSION=$(echo "$MINE" | jget ".data.find(a=>a.id===\"$ACTION\").version")
STATUS=$(api PATCH "/api/families/$FAMILY/actions/$ACTION" "{\"version\":$VERSION,\"status\":\"done\"}" | jget '.data.status')
echo "the parent marked it: $STATUS"
[[ $STATUS == done ]]
