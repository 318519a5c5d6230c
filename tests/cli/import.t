# carryover import and carryover activities: what a runner sees when they
# bring in files, list them, import again, and give a bad path or a corrupt
# file. The corpus is ../shared/corpus (FORMATS.md).

# No athlete yet: say how to give one, store nothing.
$ carryover import $CORPUS/fit/sportslib__runs-2067489619.fit
? 2
! carryover: no athlete yet
! --profile PROFILE

$ carryover activities
> no activities yet

# A FIT, the GPX of the same run, another run's TCX and a settings file.
$ carryover import --profile $SRC/examples/marathon.ini $CORPUS/fit/sportslib__runs-2067489619.fit $CORPUS/gpx/sportslib__runs-2067489619.gpx $CORPUS/tcx/sportslib__runs-6782987395.tcx $CORPUS/fit/fitparse__Settings.fit
> imported 2 runs, 2017-10-08 to 2019-06-15
>   4 files: 1 duplicate, 1 skipped (not activities), 0 failed
>   1 skipped: settings file, not an activity
>   1 duplicate: the same run as a stored activity
>! fit/fitparse__Settings.fit
!!

$ carryover activities
> date        start  sport
> 2017-10-08
> running
> sportslib__runs-2067489619.fit
> sportslib__runs-6782987395.tcx
>! .gpx

$ carryover activities --json
> "start":"2017-10-08T
> "start":"2019-06-15T09:42:23Z"
> "sport":"running"
> "duration_s":
> "moving_s":
> "distance_m":
> "avg_hr":137
> "max_hr":
> "laps":[{"start":"2019-06-15T09:42:23Z","elapsed_s":
> "pace_s_per_km":
> "source":"sportslib__runs-2067489619.fit"
> "hash":"
> "type":"
> "threshold_pace_s_per_km":
> "ef":
> "decoupling":
> "device":
> "rpe":
> "feel":
>! gpx

$ carryover activities --since 2019-01-01 --json
> sportslib__runs-6782987395.tcx
>! 2067489619

$ carryover activities --since 2019-02-30
? 2
! carryover: --since:

# Again, and the same file inside a folder: nothing new.
$ mkdir -p again && cp $CORPUS/fit/sportslib__runs-2067489619.fit again/ && carryover import -v again
> imported 0 activities
>   1 file: 1 duplicate
> already imported (from 'sportslib__runs-2067489619.fit')
>   1 duplicate: already imported

$ carryover activities --json | grep -c '"hash"'
> 2

# A path that does not exist: exit 2, nothing read.
$ carryover import $CORPUS/fit/sportslib__runs-6782987395.fit nothere.fit
? 2
! carryover: 'nothere.fit': no such file or directory

$ carryover import
? 2
! give at least one file

$ carryover import --threads 0 x.fit
? 2
! --threads: expected 1 to 64

# A corrupt file: exit 1, the reason on stderr, nothing stored.
$ carryover import $CORPUS/fit/invalid/fitparse__activity-filecrc.fit
? 1
! fit/invalid/fitparse__activity-filecrc.fit: byte 769: FIT file CRC mismatch
> 0 duplicates, 0 skipped (not activities), 1 failed

$ carryover activities --check
> 2 activities
> 0 damaged streams

# Issue 9.15: skipped files are summed up by reason, one line each; -v
# lists them, -q keeps only the totals. (A Garmin export's 300 monitoring
# files printed 300 lines on every import, -q or not.)
$ mkdir -p garmin && for i in 1 2 3 4 5 6 7 8 9 10 11 12; do cp $CORPUS/fit/fitparse__MonitoringFile.fit garmin/m$i.fit; done && carryover import garmin
>   12 files: 0 duplicates, 12 skipped (not activities)
>   12 skipped: monitoring_b file, not an activity
> ('carryover import -v' lists every file)
>! m1.fit

$ carryover import garmin | grep -c monitoring
> 1

$ carryover import -q garmin
> imported 0 activities
>! monitoring

$ carryover import -v garmin | grep -c 'skipped .*monitoring_b'
> 12

# The summary as JSON (docs/cli/import.md).
$ carryover import --json $CORPUS/fit/sportslib__swim-7617306288.fit garmin
> {"complete":true,"imported":1,"runs":0,"first_date":"
> "skipped":12,"failed":0,"ignored":0,"files":13,
> "reasons":[{"outcome":"skipped","reason":"monitoring_b file, not an activity","count":12}]}
>! imported 1

# Issue 9.11: the store fails in the middle (a full disk, here a file size
# limit): the summary still says what was stored, and the exit is 3.
$ (trap '' XFSZ; ulimit -f 1500; carryover import -q $CORPUS/fit $CORPUS/gpx $CORPUS/tcx)
? 3
> before the store failed
! carryover: store
! import stopped: the activities counted above are stored

$ carryover activities --check
> 0 damaged streams

$ carryover import -q $CORPUS/fit $CORPUS/gpx $CORPUS/tcx
? 1
>! before the store failed

# Issue 9.5: a TCX of 5,000 laps keeps 4,096 (as FIT does) and says so.
$ awk 'BEGIN { print "<?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\">"; for (i = 0; i < 5000; i++) printf "<Lap StartTime=\"2027-03-01T%02d:%02d:%02dZ\"><TotalTimeSeconds>1</TotalTimeSeconds><DistanceMeters>3</DistanceMeters></Lap>\n", i / 3600, i / 60 % 60, i % 60; print "</Activity></Activities></TrainingCenterDatabase>" }' > laps.tcx && carryover import -v laps.tcx
> imported laps.tcx: kept the first 4096 laps
> 1 imported with a note

$ carryover activities --since 2027-03-01 --json | grep -o '"elapsed_s"' | wc -l
> 4096
