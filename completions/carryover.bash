# bash completion for carryover(1).
#
# Commands, subcommands and options are read from carryover's own --help
# (cached per shell), so this file never lags behind the binary; athlete
# names come from 'carryover athletes --json'. Install it as
# $PREFIX/share/bash-completion/completions/carryover (make install does),
# or source it from ~/.bashrc.

_carryover_help_opts()
{
	# the long and short options of one command's --help option lines
	"$1" $2 --help 2>/dev/null |
		sed -n 's/^  \(-[A-Za-z]\), \(--[a-z][a-z-]*\).*/\1 \2/p; s/^  \(--[a-z][a-z-]*\).*/\1/p'
}

_carryover()
{
	local cur prev words cword bin cmd i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	bin=${COMP_WORDS[0]}

	# the command: the first word that is not a global option or its value
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | --athlete) i=$((i + 1)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	case $prev in
	--athlete)
		local IFS=$'\n'
		COMPREPLY=($(compgen -W "$("$bin" athletes --json 2>/dev/null |
			sed -n 's/.*{"name": "\([^"]*\)".*/\1/p')" -- "$cur"))
		return ;;
	--db | --profile | -o | --output)
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--from | --since | --until)
		COMPREPLY=($(compgen -W "today tomorrow yesterday mon tue wed thu fri sat sun" -- "$cur"))
		return ;;
	--level) COMPREPLY=($(compgen -W "novice intermediate advanced" -- "$cur")); return ;;
	--units) COMPREPLY=($(compgen -W "kg lb" -- "$cur")); return ;;
	esac

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--db --athlete --version -V --help -h" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null |
				awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }') help" \
				-- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_carryover_help_opts "$bin" "$cmd") --db --athlete --help" \
			-- "$cur"))
		return
	fi
	case $cmd in
	profile) [[ $prev == profile ]] && { COMPREPLY=($(compgen -W "check show" -- "$cur")); return; } ;;
	athletes)
		if [[ $prev == athletes ]]; then
			COMPREPLY=($(compgen -W "use" -- "$cur")); return
		elif [[ $prev == use ]]; then
			local IFS=$'\n'
			COMPREPLY=($(compgen -W "$("$bin" athletes --json 2>/dev/null |
				sed -n 's/.*{"name": "\([^"]*\)".*/\1/p')" -- "$cur"))
			return
		fi ;;
	export) [[ $prev == export ]] && { COMPREPLY=($(compgen -W "ics" -- "$cur")); return; } ;;
	exercises) [[ $prev == exercises ]] && { COMPREPLY=($(compgen -W "show" -- "$cur")); return; } ;;
	week | session)
		COMPREPLY=($(compgen -W "today tomorrow yesterday mon tue wed thu fri sat sun" -- "$cur"))
		return ;;
	help)
		COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null |
			awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')" -- "$cur"))
		return ;;
	esac
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _carryover carryover
