#!/usr/bin/env bash
# The Early Help journey, end to end, with curl against a running Teamaround
# (pnpm start): a school asks for help → the Early Help manager accepts it and
# allocates a lead → the lead writes the assessment and scores the need areas →
# the manager signs it off → a review meeting records new scores and a verdict →
# the lead proposes closing the episode with a reason → the manager signs the
# closure off and it takes effect → the parent answers "How was it for you?".
#   usage: scripts/journey-flow.sh [http://127.0.0.1:3000]
set -euo pipefail
BASE=${1:-http://127.0.0.1:3000}
PASSWORD=demo-password-2026

# Read a value from the JSON on stdin: jget '.data.id'
jget() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.error){console.error(JSON.stringify(j.error));process.exit(1)}const v=new Function("j",`return j${process.argv[1]}`)(j);process.stdout.write(typeof v==="string"?v:JSON.stringify(v))})' "$1"; }

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
today() { node -e 'console.log(new Date().toISOString().slice(0,10))'; }
in_minutes() { node -e "console.log(new Date(Date.now()+$1*6e4).toISOString())"; }

# 1. The school asks the Early Help service for help for a family it knows.
sign_in school@demo.teamaround.test "$PASSWORD"
EARLY_HELP=$(api GET /api/agencies | jget '.data.find(a=>a.name==="Eastmoor Early Help Service").id')
REQUEST=$(api POST /api/help-requests "{\"receivingAgencyId\":\"$EARLY_HELP\",\"familyName\":\"The Journey family\",
  \"children\":[{\"givenName\":\"Jo\",\"familyName\":\"Journey\",\"dateOfBirth\":\"2015-05-04\"}],
  \"requesterKind\":\"practitioner\",\"requestedOn\":\"$(today)\",
  \"worries\":\"Jo has missed a third of this term and is withdrawn in class.\",
  \"familyKnows\":true,\"familyAgrees\":true}" | jget '.data.id')
echo "asked for help: request $REQUEST"

# 2. The Early Help manager accepts it and allocates Jordan Hale as lead professional.
sign_in manager@demo.teamaround.test "$PASSWORD"
LEAD=$(api GET "/api/directory/practitioners?q=Hale" | jget '.data[0].id')
VERSION=$(api GET "/api/help-requests/$REQUEST" | jget '.data.version')
TRIAGED=$(api POST "/api/help-requests/$REQUEST/triage" \
  "{\"decision\":\"accept\",\"leadUserId\":\"$LEAD\",\"levelOfNeed\":2,\"version\":$VERSION}")
FAMILY=$(echo "$TRIAGED" | jget '.data.familyId')
echo "accepted: $(echo "$TRIAGED" | jget '.data.status'); family $FAMILY, episode $(echo "$TRIAGED" | jget '.data.episodeId')"

# 3. The lead adds the parent, writes the assessment and scores the need areas.
sign_in lead@demo.teamaround.test "$PASSWORD"
CHILD=$(api GET "/api/families/$FAMILY/members" | jget '.data.find(m=>m.kind==="child").id')
PARENT=$(api POST "/api/families/$FAMILY/members" \
  '{"kind":"adult","givenName":"Alex","familyName":"Journey","relationship":"mother","parentalResponsibility":true}' | jget '.data.id')
ASSESSMENT=$(api POST "/api/families/$FAMILY/assessments" '{}' | jget '.data.id')
for SECTION in family_story working_well worries analysis next_steps; do
  api PUT "/api/families/$FAMILY/assessments/$ASSESSMENT/entries" \
    "{\"section\":\"$SECTION\",\"text\":\"Written with Alex and Jo at home ($SECTION).\",\"version\":0}" | jget '.data.version' >/dev/null
done
api PUT "/api/families/$FAMILY/assessments/$ASSESSMENT/entries" \
  "{\"section\":\"child_voice\",\"memberId\":\"$CHILD\",\"text\":\"I like art. Mornings are hard.\",\"version\":0}" | jget '.data.id' >/dev/null
api POST "/api/families/$FAMILY/assessments/$ASSESSMENT/scores" "{\"scores\":[
  {\"area\":\"education\",\"memberId\":\"$CHILD\",\"score\":3,\"needs\":\"Attendance 66% this term\"},
  {\"area\":\"family_relationships\",\"score\":5},
  {\"area\":\"education\",\"memberId\":\"$CHILD\",\"scoredBy\":\"family\",\"score\":4}]}" | jget '.data' >/dev/null
SUBMITTED=$(api POST "/api/families/$FAMILY/assessments/$ASSESSMENT/submit" '{}' | jget '.data.status')
echo "assessment written, scored and $SUBMITTED for sign-off"

# 4. The manager signs it off: the plan is in place.
sign_in manager@demo.teamaround.test "$PASSWORD"
APPROVED=$(api POST "/api/families/$FAMILY/assessments/$ASSESSMENT/approve" '{}' | jget '.data.status')
echo "the manager signed it off: $APPROVED; family is now $(api GET "/api/families/$FAMILY" | jget '.data.status')"

# 5. A review meeting: new scores, a verdict, a decision and the next review date.
sign_in lead@demo.teamaround.test "$PASSWORD"
MEETING=$(api POST "/api/families/$FAMILY/meetings" "{\"kind\":\"review\",\"scheduledFor\":\"$(in_minutes 5)\",
  \"agenda\":[{\"title\":\"How are things going?\"}],\"invitees\":[{\"memberId\":\"$PARENT\"}]}" | jget '.data.id')
MEETING_VERSION=$(api GET "/api/families/$FAMILY/meetings/$MEETING" | jget '.data.version')
api POST "/api/families/$FAMILY/meetings/$MEETING/start" "{\"version\":$MEETING_VERSION}" | jget '.data.state' >/dev/null
REVIEW=$(api POST "/api/families/$FAMILY/meetings/$MEETING/review" "{\"scores\":[
  {\"area\":\"education\",\"memberId\":\"$CHILD\",\"score\":6,\"note\":\"Attendance 91% since half term\"},
  {\"area\":\"family_relationships\",\"score\":6}],
  \"verdict\":\"positive_change\",\"decision\":\"continue\",\"summary\":\"Mornings are calmer.\"}")
echo "review: $(echo "$REVIEW" | jget '.data.verdict'), next review $(echo "$REVIEW" | jget '.data.nextReviewOn')"
echo "distance travelled: $(api GET "/api/families/$FAMILY/distance-travelled" | jget '.data.direction')"

# 6. The lead invites the parent to the portal, then proposes closing the episode
#    with a reason; the demo authority asks for a manager's sign-off, so the
#    manager approves it and the closure takes effect.
EMAIL="alex.journey.$RANDOM@example.test"
LINK=$(api POST "/api/families/$FAMILY/members/$PARENT/invitation" "{\"email\":\"$EMAIL\"}" | jget '.data.setPasswordUrl')
TOKEN=$(node -e 'console.log(new URL(process.argv[1]).searchParams.get("token"))' "$LINK")
curl -sS -X POST "$BASE/api/auth/set-password" -H "Origin: $BASE" -H "Content-Type: application/json" \
  --data "{\"token\":\"$TOKEN\",\"password\":\"a long family passphrase\"}" >/dev/null
PROPOSAL=$(api POST "/api/families/$FAMILY/closure-proposals" "{\"reason\":\"outcomes_met\",
  \"summary\":\"Jo is back in school every day and mornings are calm.\",
  \"scores\":[{\"area\":\"education\",\"memberId\":\"$CHILD\",\"score\":8},{\"area\":\"family_relationships\",\"score\":7}],
  \"outcomeResults\":[]}")
echo "the lead proposed closing the episode: $(echo "$PROPOSAL" | jget '.data.current.status')"
sign_in manager@demo.teamaround.test "$PASSWORD"
APPROVED=$(api POST "/api/families/$FAMILY/closure-proposals/$(echo "$PROPOSAL" | jget '.data.current.id')/approve")
echo "the manager signed the closure off: $(echo "$APPROVED" | jget '.data.current.status')"
CLOSED=$(api GET "/api/families/$FAMILY" | jget '.data.status')
echo "the lead's closure took effect: $CLOSED"

# 7. The parent answers "How was it for you?".
sign_in "$EMAIL" "a long family passphrase"
INVITATION=$(api GET "/api/families/$FAMILY/feedback/open" | jget '.data.find(i=>i.occasion==="closure").id')
ANSWERED=$(api POST "/api/families/$FAMILY/feedback/$INVITATION" \
  '{"respected":5,"listenedTo":4,"helped":5,"wouldRecommend":5,"comment":"Jordan listened to Jo.","shareWithLead":true}')
echo "the parent answered \"How was it for you?\" at $(echo "$ANSWERED" | jget '.data.answeredAt')"
[[ $CLOSED == closed ]]
