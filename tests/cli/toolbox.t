# The Unix toolbox (issue 9.19): --version and -V, and the bash completion
# (which reads commands and options from --help, so it cannot lag behind).
# The man page is tests/man.sh's, make install tests/install.sh's.

$ carryover --version
> carryover 0.
!!

$ carryover -V
> carryover 0.

$ carryover --help
> -V, --version

$ bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" ath); COMP_CWORD=1; _carryover; echo "[${COMPREPLY[*]}]"'
> [athletes]

$ bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" --db x.db pl); COMP_CWORD=3; _carryover; echo "[${COMPREPLY[*]}]"'
> [plan]

$ bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" plan --we); COMP_CWORD=2; _carryover; echo "[${COMPREPLY[*]}]"'
> [--weeks]

$ bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" import -); COMP_CWORD=2; _carryover; echo "[${COMPREPLY[*]}]"'
> --threads
> --verbose
> -q

$ bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" profile s); COMP_CWORD=2; _carryover; echo "[${COMPREPLY[*]}]"'
> [show]

$ bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" session tom); COMP_CWORD=2; _carryover; echo "[${COMPREPLY[*]}]"'
> [tomorrow]

# Athlete names come from the store.
$ carryover plan $SRC/examples/5k.ini > /dev/null && bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" athletes use Sa); COMP_CWORD=3; _carryover; echo "[${COMPREPLY[*]}]"'
> [Sam Quick]

$ bash -c '. $SRC/completions/carryover.bash; COMP_WORDS=("$CO_BIN" --athlete ""); COMP_CWORD=2; _carryover; echo "[${COMPREPLY[*]}]"'
> [Sam Quick]
