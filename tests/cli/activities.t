# carryover activities: listing by dates, a range with nothing in it, a
# reversed range, and deleting one wrongly imported activity (issue 9.20).

$ carryover import -q --profile $SRC/examples/marathon.ini $CORPUS/fit/sportslib__runs-2067489619.fit $CORPUS/tcx/sportslib__runs-6782987395.tcx $CORPUS/fit/sportslib__others-31-days-activity.fit
> imported 3

$ carryover activities
>    id  date        start  sport
>     1  2017-10-08
>     2  2019-06-15
> cycling

# A range with nothing in it is not "no activities yet".
$ carryover activities --since 2027-01-01
> no activities on or after 2027-01-01 (3 stored)
>! yet

$ carryover activities --since 2020-01-01 --until 2020-12-31
> no activities between 2020-01-01 and 2020-12-31 (3 stored)

$ carryover activities --until 2000-01-01
> no activities on or before 2000-01-01 (3 stored)

$ carryover activities --since 2027-01-01 --json
> []

# A reversed range is refused.
$ carryover activities --since 2027-02-01 --until 2027-01-01
? 2
! carryover: --since 2027-02-01 is after --until 2027-01-01

# The date forms of week and session, looking back (2019-06-20 is a
# Thursday: "sat" is 2019-06-15).
$ CARRYOVER_TODAY=2019-06-20 carryover activities --since sat --until today --json
> "id":2,
>! "id":1,

$ CARRYOVER_TODAY=2019-06-20 carryover activities --since -4
> no activities on or after 2019-06-16 (3 stored)

# The range keeps its ends.
$ carryover activities --since 2019-06-15 --until 2019-06-15 --json
> "id":2,
>! "id":1,
>! "id":3,

# Delete one: one row goes, the others stay.
$ carryover activities delete 2
> deleted activity #2: 2019-06-15 running 14.00 km from 'sportslib__runs-6782987395.tcx'

$ carryover activities --json | grep -c '"id"'
> 2

$ carryover activities delete 2
? 2
! carryover: no activity #2 of this athlete

$ carryover activities delete two
? 2
! expected an activity id

$ carryover activities delete
? 2
! missing ID

$ carryover activities remove 1
? 2
! unknown subcommand 'remove'

# Its file imported again is stored again, under the usual rules.
$ carryover import -q $CORPUS/tcx/sportslib__runs-6782987395.tcx
> imported 1

$ carryover activities --json | grep -c '"id"'
> 3

# Another athlete's activity is not this athlete's to delete.
$ carryover import -q --profile $SRC/examples/5k.ini $CORPUS/fit/fitparse__Activity.fit
> imported 1

$ carryover activities delete 1
? 2
! no activity #1 of this athlete
