# carryover rules: the method's rules as docs/method.md words them, listed,
# one shown, did-you-mean for an unknown id, JSON; and the page and the
# command holding the same rules, word for word.

# Every rule, id and title, in the page's order.
$ carryover rules
> A1   Transferable patterns first
> A8   Regress around niggles, never delete
> B6   Rest and ramp-up
> C10  Blocks
> D6   Baseline tests
> E4   Changes ripple
!!

# One rule: its title and text, whatever the case of the id.
$ carryover rules c7
> C7 Taper
> 40-60% of the last full loading week
> Bosquet et al. 2007
!!

# An unknown id: a suggestion, exit 2, nothing on stdout.
$ carryover rules C77
? 2
! carryover: unknown rule 'C77' (did you mean 'C7'?)
>! Taper

$ carryover rules Z
? 2
! unknown rule 'Z'

$ carryover rules A1 A2
? 2
! takes one rule id

$ carryover rules --json
> "id": "A1",
> "title": "Transferable patterns first",
> "text": "Main lifts come only from the five patterns
!!

$ carryover rules E3 --json
> "id": "E3",
>! "id": "E4"

$ carryover rules --help
> usage: carryover rules [ID] [--json]
> docs/method.md

# The same rules on the page and in the command, both ways, and each
# rule's text the same, line for line.
$ grep '^### [A-E][0-9]' "$SRC/docs/method.md" | cut -d' ' -f2 >page.ids; carryover rules | cut -d' ' -f1 >cmd.ids; diff page.ids cmd.ids && test "$(wc -l <page.ids)" -eq 37 && echo same ids
> same ids

$ for id in $(cat page.ids); do awk -v id="$id" '/^#/ { on = ($1 == "###" && $2 == id); next } on' "$SRC/docs/method.md" | sed -e '/./,$!d' | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}' >page.txt; carryover rules "$id" | tail -n +3 >cmd.txt; diff page.txt cmd.txt >/dev/null || echo "differs: $id"; done; echo compared
> compared
>! differs
