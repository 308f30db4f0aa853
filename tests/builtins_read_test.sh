#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case splitting
splitting_head() { atf_set descr "fields are split with IFS; the last variable gets the rest"; }
splitting_body()
{
	atf_check -o inline:'[a][b  c]\n' vsh -c 'echo "  a  b  c  " | { read x y; echo "[$x][$y]"; }'
	atf_check -o inline:'[a][b][]\n' vsh -c 'echo "a b" | { read x y z; echo "[$x][$y][$z]"; }'
	atf_check -o inline:'[a][b]\n' vsh -c 'echo "a:b:" | { IFS=: read x y; echo "[$x][$y]"; }'
	atf_check -o inline:'[a]\n' vsh -c 'echo "a:" | { IFS=: read x; echo "[$x]"; }'
	atf_check -o inline:'[a][b:c:]\n' vsh -c 'echo "a:b:c:" | { IFS=: read x y; echo "[$x][$y]"; }'
	atf_check -o inline:'[a][:b::]\n' vsh -c 'echo "a::b::" | { IFS=: read x y; echo "[$x][$y]"; }'
	atf_check -o inline:'[a][][b]\n' vsh -c 'echo "a::b" | { IFS=: read x y z; echo "[$x][$y][$z]"; }'
	atf_check -o inline:'[a][b][c][]\n' \
	    vsh -c 'echo " a : b : c : " | { IFS=" :" read x y z w; echo "[$x][$y][$z][$w]"; }'
	atf_check -o inline:'[ a  b ]\n' vsh -c 'echo " a  b " | { IFS= read x; echo "[$x]"; }'
	atf_check -o inline:'[ a  b ][][]\n' vsh -c 'y=old z=old; echo " a  b " | { IFS= read x y z; echo "[$x][$y][$z]"; }'
	atf_check -o inline:'[a b c]\n' vsh -c 'echo "a b c" | { read REPLY; echo "[$REPLY]"; }'
	atf_check -o inline:'[x y]\n' vsh -c 'echo "x y" | { read; echo "[$REPLY]"; }'
	# IFS as a variable read assigns: the line is split with the IFS read
	# started with, as in dash, ksh and yash (it used freed memory).
	atf_check -o inline:'[a][b][c]\n' vsh -c 'echo "a:b:c" | { IFS=:; read IFS x y; echo "[$IFS][$x][$y]"; }'
	atf_check -o inline:'[a][b][c d]\n' vsh -c 'echo "a b c d" | { read x IFS y; echo "[$x][$IFS][$y]"; }'
	atf_check -o inline:'[a:b c][]\n' vsh -c 'echo "a:b c" | { IFS=; read IFS x; echo "[$IFS][$x]"; }'
}

atf_test_case backslash
backslash_head() { atf_set descr "backslash escapes and line continuation, and -r"; }
backslash_body()
{
	printf 'a\\\nb\\ c d\\:e\n' >input
	atf_check -o inline:'[ab c][d:e]\n' vsh -c '{ IFS=": " read x y; echo "[$x][$y]"; } <input'
	atf_check -o inline:'[a\\][]\n' vsh -c '{ IFS=": " read -r x y; echo "[$x][$y]"; } <input'
	printf 'a\\\\b\n' >input
	atf_check -o inline:'[a\\b]\n' vsh -c 'read x <input; printf "%s\\n" "[$x]"'
}

atf_test_case eof
eof_head() { atf_set descr "status 1 at end of file, with the partial line assigned"; }
eof_body()
{
	atf_check -o inline:'abc 1\n' vsh -c 'printf abc | { read x; echo "$x $?"; }'
	atf_check -o inline:'[] 1\n' vsh -c 'x=old; read x </dev/null; echo "[$x] $?"'
	atf_check -o inline:'0 1\n' vsh -c 'echo | { read x; a=$?; read x; echo $a $?; }'
}

atf_test_case delimiter
delimiter_head() { atf_set descr "-d delim, and -d '' for NUL (POSIX.1-2024)"; }
delimiter_body()
{
	atf_check -o inline:'x y 0\n' vsh -c 'printf "x;y;z" | { read -d ";" a; read -d ";" b; echo "$a $b $?"; }'
	atf_check -o inline:'[a\nb] [c]\n' vsh -c 'printf "a\nb\0c\0" | { read -d "" a; read -d "" b; echo "[$a] [$b]"; }'
}

atf_test_case position
position_head() { atf_set descr "read consumes no input beyond the line, on files and pipes"; }
position_body()
{
	printf '1\n2\n3\n4\n' >input
	atf_check -o inline:'1 2\n3\n4\n' vsh -c '{ read a; read b; echo "$a $b"; cat; } <input'
	atf_check -o inline:'1 2\n3\n4\n' vsh -c 'cat input | { read a; read b; echo "$a $b"; cat; }'
	seq 1 3000 >input
	atf_check -o inline:'3000 2999\n' \
	    vsh -c 'n=0; while read -r l; do n=$((n+1)); last=$p; p=$l; done <input; echo $n $last'
	atf_check -o inline:'1\n2\n' vsh -c '{ read a; echo $a; head -n 1; } <input'
	printf 'a;b;c\nd\n' >input
	atf_check -o inline:'a|b;c\nd\n' vsh -c '{ read -d ";" a; printf "%s|" "$a"; cat; } <input'
	# Lines longer than the read-ahead blocks.
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "x"; print ""; print "next" }' >input
	atf_check -o inline:'20000 next\n' vsh -c '{ read a; read b; echo ${#a} $b; } <input'
}

atf_test_case read_ahead
read_ahead_head() { atf_set descr "read on a regular file reads ahead; every other reader of the file sees the offset after the line"; }
read_ahead_body()
{
	printf '1\n2\n3\n4\n' >input
	printf 'o1\no2\n' >other
	# another program, between two reads
	atf_check -o inline:'2\n1 3\n' vsh -c '{ read a; head -n 1; read b; echo "$a $b"; } <input'
	atf_check -o inline:'1\n2\n3\n4\n' vsh -c '{ read a; echo $a; cat; } <input'
	atf_check -o inline:'1\n2\n3\n4\n' vsh -c '{ read a; echo $a; exec cat; } <input'
	atf_check -o inline:'1|2\n3\n4\n' vsh -c '{ read a; x=$(cat); echo "$a|$x"; } <input'
	# a subshell, reading or not, and the shell after it
	atf_check -o inline:'sub 2\n1 3\n' vsh -c '{ read a; (read b; echo sub $b); read c; echo $a $c; } <input'
	atf_check -o inline:'1 3 4\n' vsh -c '{ read a; (read b; exit 0); read c; read d; echo $a $c $d; } <input'
	# redirections and exec touching the descriptor, or copying it
	atf_check -o inline:'1 o1 1\n' vsh -c '{ read a; exec 0<other; read b; exec 0<input; read c; echo $a $b $c; } <input'
	atf_check -o inline:'1 o1 2\n' vsh -c '{ read a; read b <other; read c; echo $a $b $c; } <input'
	atf_check -o inline:'1\n3\n4\n' vsh -c '{ read a; echo $a; exec 3<&0; read b; cat <&3; } <input'
	atf_check -o inline:'1\n2\n3\n4\n' vsh -c 'exec 3<input; read a <&3; echo $a; cat <&3'
	atf_check -o inline:'1 2\n3\n4\n' vsh -c 'exec 3<input; read a <&3; read b <&3; echo $a $b; cat <&3'
	# other redirections in the loop leave the read-ahead alone
	atf_check -o inline:'1\n2\n3\n4\n' vsh -c 'while read l; do echo $l >>out; done <input; cat out'
	# the shell itself exits: whoever reads the file next goes on after the line
	atf_check -o inline:'3\n4\n' vsh -c '{ vsh -c "read a; read b"; cat; } <input'
	atf_check -s exit:3 -o inline:'2\n3\n4\n' vsh -c '{ vsh -c "read a; exit 3"; s=$?; cat; exit $s; } <input'
	printf 'trap "read b; echo \\$b" EXIT\nread a\n' >exit-trap
	atf_check -o inline:'2\n3\n4\n' vsh -c '{ vsh exit-trap; cat; } <input'
	# the shell's own script, read from the same open file as read's input
	printf 'read a\ndata-one\nread b; echo "$a|$b"\ndata-two\necho end\n' >script
	atf_check -o inline:'data-one|data-two\nend\n' vsh <script
	# a backslash at the end of the first block joins the next one
	awk 'BEGIN { for (i = 0; i < 4095; i++) printf "x"; printf "\\\nyz\nnext\n" }' >input
	atf_check -o inline:'4097 next\n' vsh -c '{ read a; read b; echo ${#a} $b; } <input'
}

atf_test_case errors
errors_head() { atf_set descr "bad names, read-only variables and bad options"; }
errors_body()
{
	atf_check -s exit:2 -e match:'read: 1x: bad variable name$' vsh -c 'echo a | read 1x'
	atf_check -s exit:0 -o inline:'2 old\n' -e match:'read: x: is read only$' \
	    vsh -c 'x=old; readonly x; echo new | read x; echo $? $x'
	atf_check -s exit:2 -e match:'read: -z: invalid option' vsh -c 'read -z x </dev/null'
}

atf_test_case signal
signal_head() { atf_set descr "a trapped signal runs its action and ends read with 128+signal"; }
signal_body()
{
	mkfifo fifo
	# The signal is sent until the shell is gone, in case read was slow to start.
	atf_check -o inline:'got USR1\nstatus 138\n' \
	    vsh -c 'trap "got=USR1" USR1; (while kill -USR1 $$ 2>/dev/null; do sleep 0.2; done) &
	    exec 3<>fifo; read x <&3; status=$?; echo "got $got"; echo "status $status"'
}

atf_init_test_cases()
{
	atf_add_test_case signal
	atf_add_test_case splitting
	atf_add_test_case backslash
	atf_add_test_case eof
	atf_add_test_case delimiter
	atf_add_test_case position
	atf_add_test_case read_ahead
	atf_add_test_case errors
}
