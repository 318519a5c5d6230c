# Units (issue 9.17): distance_units = km | mi in the profile. Miles and
# min/mile where people read them (races, a week's runs, activities); the
# JSON stays in km.

$ sed 's/^units = kg/units = kg\ndistance_units = mi/' $SRC/examples/marathon.ini > mi.ini && carryover plan mi.ini --weeks 1
> race: City Half (B, 13.11 mi) on Sun 2027-03-14
> race: Spring Marathon (A, 26.22 mi) on Sun 2027-04-25
>! km

$ carryover week 2027-04-21
> Sun race 232' 26.22 mi

$ carryover plan --json
> "distance_km": 42.195
>! "mi"

# Activities: distance in miles, pace per mile (1 km in 5:00 is 8:02/mi).
$ printf '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg><trkpt lat="52.0" lon="13.0"><time>2026-11-02T07:00:00Z</time></trkpt><trkpt lat="52.0045" lon="13.0"><time>2026-11-02T07:02:30Z</time></trkpt><trkpt lat="52.009" lon="13.0"><time>2026-11-02T07:05:00Z</time></trkpt></trkseg></trk></gpx>' > run.gpx && carryover import -q run.gpx > /dev/null && carryover activities
> type            mi      time    pace
>           0.62   0:05:00    8:02

# km, the default.
$ carryover plan $SRC/examples/marathon.ini --weeks 1
> race: City Half (B, 21.1 km)

$ carryover activities
> type            km      time    pace
>           1.00   0:05:00    5:00

$ carryover profile check mi.ini
> mi.ini: ok

$ sed 's/^units = kg/distance_units = furlongs/' $SRC/examples/marathon.ini > bad.ini && carryover profile check bad.ini
? 2
! bad.ini:9: unknown distance_units 'furlongs' (expected km or mi)

# init writes the key with its default.
$ carryover init - --name Kim
> distance_units = km
