#!/bin/sh
# Simulated athletes for tests/cli/adapt.t, scripted through the CLI on the
# store of $CARRYOVER_DB ($CO_BIN is the binary under test). Week 1 starts
# on Monday 2027-01-04 (tests/data/adapt/sim.ini): session A on Thursday,
# B on Sunday. CARRYOVER_TODAY moves with each logged day.
#
#   sim.sh stall | drift | d8 | missed | knee
set -eu
day() { date -u -d "2027-01-04 + $(( ($1 - 1) * 7 + $2 )) days" +%F; }
log() { d=$1; shift; CARRYOVER_TODAY=$d "$CO_BIN" log --date "$d" "$@" >/dev/null; }

case $1 in
stall)
	# Weeks 7-9 (after the planned deload of week 6): the same RDL at the
	# same load and RPE 8 every week, no progress.
	for w in 1 2 3 4 5; do log "$(day $w 3)" rdl 3x8@$((55 + w * 2)).5 rpe 7; done
	for w in 7 8 9; do log "$(day $w 3)" rdl 3x8@70 rpe 8; log "$(day $w 6)" session 40min rpe 6; done
	;;
drift)
	# Loads rise in weeks 1-5 at RPE 7; in week 7 the RDL is 70 kg at RPE 7,
	# then the same 70 kg at RPE 8 in weeks 8 and 9.
	for w in 1 2 3 4 5; do log "$(day $w 3)" rdl 3x8@$((57 + w * 2)).5 rpe 7; done
	log "$(day 7 3)" rdl 3x8@70 rpe 7
	log "$(day 8 3)" rdl 3x8@70 rpe 8
	log "$(day 9 3)" rdl 3x8@70 rpe 8
	;;
d8)
	# Six weeks: the easy run the day after session B (Sunday) at RPE 7, the
	# other easy runs at RPE 5; both sessions logged as done.
	for w in 1 2 3 4 5 6; do
		log "$(day $w 0)" run easy 40min 8km rpe 7
		log "$(day $w 1)" run intervals 50min 10km rpe 8
		log "$(day $w 2)" run easy 40min 8km rpe 5
		log "$(day $w 3)" session 45min rpe 6
		log "$(day $w 4)" run easy 40min 8km rpe 5
		log "$(day $w 5)" run long 90min 17km rpe 6
		log "$(day $w 6)" session 40min rpe 6
	done
	;;
missed)
	# Weeks 1-2 done, week 3 not (Thursday missed, Sunday skipped), week 4 done.
	for w in 1 2; do log "$(day $w 3)" session 45min rpe 6; log "$(day $w 6)" session 40min rpe 6; done
	log "$(day 3 5)" run long 90min 17km rpe 6
	log "$(day 3 6)" skip travel
	log "$(day 4 3)" session 45min rpe 6
	;;
knee)
	# A knee niggle logged on Monday of week 3, cleared on Monday of week 6.
	log "$(day 1 3)" session 45min rpe 6
	log "$(day 3 0)" niggle knee_right 4
	log "$(day 6 0)" niggle knee_right clear
	;;
esac
