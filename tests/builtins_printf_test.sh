#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case integers
integers_head() { atf_set descr "integer conversions, flags, widths and precisions"; }
integers_body()
{
	atf_check -o inline:'1    |00002|+3| 4|0xff|010\n' \
	    vsh -c 'printf "%-5d|%05d|%+d|% d|%#x|%#o\n" 1 2 3 4 255 8'
	atf_check -o inline:'ffffffffffffffff 1777777777777777777777 18446744073709551615 FF\n' \
	    vsh -c 'printf "%x %o %u %X\n" -1 -1 -1 255'
	atf_check -o inline:'16 8 -5 7\n' vsh -c 'printf "%i %d %d %d\n" 0x10 010 -5 +7'
	atf_check -o inline:'    1|2   |007\n' vsh -c 'printf "%*d|%-*d|%.*d\n" 5 1 4 2 3 7'
	atf_check -o inline:'3    |\n' vsh -c 'printf "%*d|\n" -5 3'
	atf_check -o inline:'233 97\n' env LC_ALL=C.UTF-8 vsh -c "printf '%d %d\\n' \"'é\" \"'a\""
	atf_check -o inline:'65 66 0\n' vsh -c "printf '%d %d %d\n' \"'A\" '\"B' ''"
	atf_check -o inline:'12\n' vsh -c 'printf "%d\n" " 12"'
	atf_check -o inline:'5\n' vsh -c 'printf "%ld\n" 5'
}

atf_test_case floats
floats_head() { atf_set descr "floating point conversions"; }
floats_body()
{
	atf_check -o inline:' 3.14|1.000000e+00|2|0x1p+0|1.5E+00|2.5\n' \
	    vsh -c 'printf "%5.2f|%e|%g|%a|%.1E|%G\n" 3.14159 1 2 1 1.5 2.5'
	atf_check -o inline:'0.000000|100.000\n' vsh -c 'printf "%f|%.3F\n" "" 1e2'
}

atf_test_case strings
strings_head() { atf_set descr "%s %c %b %%"; }
strings_body()
{
	atf_check -o inline:'   ab|cd   |ef|x|%\n' vsh -c 'printf "%5s|%-5s|%.2s|%c|%%\n" ab cd efg xyz'
	atf_check -o inline:'é|\n' env LC_ALL=C.UTF-8 vsh -c 'printf "%c|\n" éa'
	atf_check -o inline:'    x|\n' vsh -c 'printf "%5c|\n" x'
	printf '\0|\n' >expected
	atf_check -o file:expected vsh -c 'printf "%c|\n" ""'
	atf_check -o inline:'a\tb|  AA|\n' vsh -c 'printf "%b|%4b|\n" "a\tb" "\0101\101"'
	atf_check -o inline:'a\tb|\n' vsh -c 'printf "%.3b|\n" "a\tbcd"'
	atf_check -o inline:'a|next' vsh -c 'printf "%b|%s\n" "a\cb" x; printf "|next"'
}

atf_test_case format_escapes
format_escapes_head() { atf_set descr "backslash escapes in the format"; }
format_escapes_body()
{
	printf 'aA\0101\\q\\|\\c\n' >expected
	atf_check -o file:expected vsh -c 'printf "a\101\0101\q\\\\|\c\n"'
	printf 'A\b1|\033\n' >expected
	atf_check -o file:expected vsh -c 'printf "\101\0101|\e\n"'
}

atf_test_case reuse
reuse_head() { atf_set descr "the format is reused for extra arguments; missing ones are empty"; }
reuse_body()
{
	atf_check -o inline:'a b\nc \n' vsh -c 'printf "%s %s\n" a b c'
	atf_check -o inline:'1\n2\n3\n' vsh -c 'printf "%d\n" 1 2 3'
	atf_check -o inline:'a|0|\n' vsh -c 'printf "%s|%d|%s\n" a'
	atf_check -o inline:'\n' vsh -c 'printf "%s\n"'
	atf_check -o inline:'x\n' vsh -c 'printf "x\n" a b c'
	atf_check -o inline:'-x\n' vsh -c 'printf -- "-%s\n" x'
}

atf_test_case numbered
numbered_head() { atf_set descr "%n\$ numbered arguments (POSIX.1-2024)"; }
numbered_body()
{
	atf_check -o inline:'b a\nd c\n' vsh -c 'printf "%2\$s %1\$s\n" a b c d'
	atf_check -o inline:'a a\n' vsh -c 'printf "%1\$s %1\$s\n" a'
	atf_check -o inline:'    3|\n' vsh -c 'printf "%2\$*1\$d|\n" 5 3'
	atf_check -s exit:1 -o inline:'a ' -e match:'printf: %s: invalid directive$' \
	    vsh -c 'printf "%1\$s %s\n" a b'
}

atf_test_case errors
errors_head() { atf_set descr "number errors go on with the parsed value; bad directives stop"; }
errors_body()
{
	atf_check -s exit:1 -o inline:'0\n' -e match:'printf: abc: invalid number$' vsh -c 'printf "%d\n" abc'
	atf_check -s exit:1 -o inline:'12\n' -e match:'printf: 12abc: invalid number$' vsh -c 'printf "%d\n" 12abc'
	atf_check -s exit:1 -o inline:'0.000000\n' -e match:'printf: x: invalid number$' vsh -c 'printf "%f\n" x'
	atf_check -s exit:1 -o inline:'9223372036854775807\n' \
	    -e match:'printf: 99999999999999999999: Result too large$' vsh -c 'printf "%d\n" 99999999999999999999'
	atf_check -s exit:1 -o inline:'a' -e match:'printf: %y: invalid directive$' vsh -c 'printf "a%yb\n" 1'
	# q is no length modifier (dash): %q is named alone, not with the next byte.
	atf_check -s exit:1 -o inline:'a' -e match:'printf: %q: invalid directive$' vsh -c 'printf "a%q\\n" 1'
	atf_check -s exit:0 -o inline:'1|2|3\n' -e empty vsh -c 'printf "%ld|%hhd|%zd\n" 1 2 3'
	atf_check -s exit:2 -e match:'usage: printf format' vsh -c 'printf'
	atf_check -s exit:2 -e match:'printf: -x: invalid option' vsh -c 'printf -x'
	atf_check -s exit:1 -e match:'printf: write error: Bad file descriptor$' vsh -c 'printf x >&-'
	atf_check -o inline:'1\n' -e ignore vsh -c 'printf "%d" abc >/dev/null; echo $?'
}

atf_test_case big_fields
big_fields_head() { atf_set descr "every digit of a width or precision counts; one past an int is an error"; }
big_fields_body()
{
	atf_check -o inline:'20000001\n' vsh -c 'printf "%20000000s|" x | wc -c'
	atf_check -o inline:'12345679\n' vsh -c 'printf "%-12345678s|" x | wc -c'
	atf_check -o inline:'12345678\n' vsh -c 'printf "%12345678d" 7 | wc -c'
	# Wide numbers are padded as they are written: zeros after the sign
	# and the 0x, spaces for infinity, left-justified with '-'.
	atf_check -o inline:'-0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000042|\n' \
	    vsh -c 'printf "%0200d|\n" -42'
	atf_check -o inline:'0x0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000ff|\n' \
	    vsh -c 'printf "%#0200x|\n" 255'
	atf_check -o inline:'+0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001.50|\n' \
	    vsh -c 'printf "%+0200.2f|\n" 1.5'
	atf_check -o inline:'                                                                                                                                                                                                        -inf|\n' \
	    vsh -c 'printf "%0204f|\n" -inf'
	atf_check -o inline:'                                                                                                                                                                                                     007|\n' \
	    vsh -c 'printf "%0200.3d|\n" 7'
	atf_check -o inline:'7                                                                                                                                                                                                       |\n' \
	    vsh -c 'printf "%-0200d|\n" 7'
	# A wide number takes no memory of its width: 300 MB of zeros within 100 MB.
	printf '#!/bin/sh\nulimit -v 100000 && exec "$@"\n' >small_memory
	chmod +x small_memory
	if ./small_memory vsh -c 'exit 0' 2>/dev/null; then
		atf_check -o inline:'300000001\n' -e empty ./small_memory vsh -c 'printf "%0300000000d|" 7 | wc -c'
	fi
	# So does a long precision: the C library formats 64 digits of an
	# integer and 2000 of a fraction, the other zeros are padding.
	if ./small_memory vsh -c 'exit 0' 2>/dev/null; then
		atf_check -o inline:'300000001\n' -e empty ./small_memory vsh -c 'printf "%.300000000d|" 7 | wc -c'
		atf_check -o inline:'300000003\n' -e empty ./small_memory vsh -c 'printf "%.300000000f|" 1 | wc -c'
		atf_check -o inline:'300000007\n' -e empty ./small_memory vsh -c 'printf "%.300000000e|" 1 | wc -c'
	fi
	# Checked against the test shell's printf (the C library's digits).
	format='%.70d|%#-80.70x|%+.2100e|%#.2500g|%.2001f|%-2100.2050f|%2100.2001E|%.3000g|'
	atf_check -o inline:"$(printf "$format" -42 255 1.5 -2.25 0.375 1.5 -0.375 0.5)" \
	    vsh -c 'printf "$1" -42 255 1.5 -2.25 0.375 1.5 -0.375 0.5' sh "$format"
	# Zeros go before the exponent ('e' is a hexadecimal digit), never into inf.
	atf_check -o inline:"0x1.e$(printf '%02099d' 0)p+0|  inf|-inf  |" \
	    vsh -c 'printf "%.2100a|%5.3000f|%-6.3000f|" 1.875 inf -inf'
	atf_check -o inline:'7 \n' vsh -c 'printf "%.12345678s \n" 7'
	atf_check -o inline:'0000000000000012\n' vsh -c 'printf "%.0000000000000016d\n" 12'
	atf_check -s exit:1 -o inline:'a' -e match:'printf: %3000000000s: field width or precision too large$' \
	    vsh -c 'printf "a%3000000000sb\n" x'
	atf_check -s exit:1 -o inline:'a' -e match:'printf: %-.2147483648d: field width or precision too large$' \
	    vsh -c 'printf "a%-.2147483648d\n" x'
	atf_check -s exit:1 -e match:'printf: %99999999999999999999: field width or precision too large$' \
	    vsh -c 'printf "%99999999999999999999"'
	# An argument number past any count reads a missing argument.
	atf_check -o inline:'||\n' vsh -c 'printf "|%99999999999999\$s|\n" a'
}

atf_test_case interrupted
interrupted_head() { atf_set descr "SIGINT or SIGHUP ends printf's padding: status 128 + signal, the trap runs after it"; }
interrupted_body()
{
	mkfifo fifo
	# A job started with & ignores SIGINT, and a signal ignored on entry
	# cannot be trapped: env gives the shell the default back.
	for sig in INT HUP; do
		env --default-signal=INT vsh -c "trap 'echo trapped-$sig >&2' $sig
		    printf '%01000000000d' 1 >fifo
		    echo status=\$? >&2" 2>err &
		shell=$!
		# The signal comes while printf is writing: after the first 100 kB.
		{ head -c 100000 >/dev/null; kill -$sig $shell; cat >/dev/null; } <fifo
		wait $shell || atf_fail "the shell ended with status $?"
		case $sig in INT) n=130 ;; HUP) n=129 ;; esac
		atf_check -o inline:"trapped-$sig\nstatus=$n\n" cat err
	done
}

atf_init_test_cases()
{
	atf_add_test_case integers
	atf_add_test_case floats
	atf_add_test_case strings
	atf_add_test_case format_escapes
	atf_add_test_case reuse
	atf_add_test_case numbered
	atf_add_test_case errors
	atf_add_test_case big_fields
	atf_add_test_case interrupted
}
