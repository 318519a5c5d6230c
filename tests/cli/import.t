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
> imported 2 activities from 4 files
> gpx/sportslib__runs-2067489619.gpx: same run as 'sportslib__runs-2067489619.fit'
> fit/fitparse__Settings.fit: settings file, not an activity
> 1 duplicate, 1 skipped (not activities), 0 failed
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
> imported 0 activities from 1 file
> already imported (from 'sportslib__runs-2067489619.fit')

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
