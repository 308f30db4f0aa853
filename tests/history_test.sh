#! /usr/bin/env atf-sh
# The command history: HISTFILE between sessions, HISTSIZE, and fc.  An
# interactive shell keeps history whether or not it has a terminal, so
# these tests type commands on standard input to "vsh -i" (prompts off,
# job control off).
. "$(atf_get_srcdir)/common.sh"

# ./session [NAME=value ...]: an interactive vsh whose home is the work
# directory (a script, for atf_check to run).
make_session()
{
	cat >session <<'END'
#!/bin/sh
exec env -i PATH="$PATH" HOME="$PWD" PS1= PS2= "$@" vsh -i +m
END
	chmod +x session
}

atf_test_case persists
persists_head() { atf_set descr 'Commands, multi-line ones as one entry, are saved in $HOME/.vsh_history (mode 0600) and listed by the next session'; }
persists_body()
{
	make_session
	atf_check -o inline:'one\n1\n2\n' ./session <<'END'
echo one
for i in 1 2
do echo $i
done
# a comment is an entry too
END
	atf_check -o inline:'600\n' stat -c %a .vsh_history
	atf_check -o inline:'echo one\n#\\for i in 1 2\\ndo echo $i\\ndone\n#\\# a comment is an entry too\n' cat .vsh_history
	atf_check -o inline:'1\techo one\n2\tfor i in 1 2\n\tdo echo $i\n\tdone\n3\t# a comment is an entry too\n4\tfc -l\n' ./session <<'END'
fc -l
END
	# A plain file, one command a line, written by another tool.
	cat >plain <<'END'
echo a

echo b\n
END
	atf_check -o inline:'1\techo a\n2\techo b\\n\n3\tfc -l\n' ./session HISTFILE="$PWD/plain" <<'END'
fc -l
END
	# Its last line without a newline: the next entry does not join it.
	printf 'echo c' >plain
	atf_check ./session HISTFILE="$PWD/plain" <<'END'
:
END
	atf_check -o inline:'echo c\n:\n' cat plain
}

atf_test_case scripts_never_touch
scripts_never_touch_head() { atf_set descr 'Non-interactive shells neither read nor write HISTFILE; fc there is an error'; }
scripts_never_touch_body()
{
	make_session
	echo 'echo script' >script
	atf_check -o inline:'script\n' env HOME="$PWD" vsh script
	atf_check -o inline:'c\n' env HOME="$PWD" vsh -c 'echo c'
	echo 'echo stdin' | atf_check -o inline:'stdin\n' env HOME="$PWD" vsh
	atf_check -s exit:1 test -e .vsh_history
	atf_check -s exit:1 -e inline:'vsh: -c: line 1: fc: no command history: the shell is not interactive\n' \
	    env HOME="$PWD" vsh -c 'fc -l'
}

atf_test_case concurrent
concurrent_head() { atf_set descr 'Two shells appending at once lose and interleave nothing'; }
concurrent_body()
{
	make_session
	n=300
	for who in a b; do
		i=1
		while [ "$i" -le "$n" ]; do
			echo ": $who-$i"
			i=$((i + 1))
		done >"commands-$who"
		# A multi-line entry too: one record, never split.
		printf 'if :\nthen : %s-multi\nfi\n' "$who" >>"commands-$who"
	done
	./session <commands-a >out-a 2>&1 &
	./session <commands-b >out-b 2>&1 &
	wait
	atf_check -o empty cat out-a out-b
	for who in a b; do
		{ seq -f ": $who-%g" "$n"; printf '#\\if :\\nthen : %s-multi\\nfi\n' "$who"; } >"expected-$who"
		grep -F -- "$who-" .vsh_history >"got-$who"
		atf_check -o file:"expected-$who" cat "got-$who"
	done
	atf_check -o inline:"$((2 * n + 2))\n" sh -c 'wc -l <.vsh_history'
}

atf_test_case histsize
histsize_head() { atf_set descr 'HISTSIZE bounds the entries kept in memory and, when the file holds twice as many, in the file'; }
histsize_body()
{
	make_session
	printf 'echo %s\n' 1 2 3 4 5 6 7 >.vsh_history
	chmod 600 .vsh_history
	atf_check -o inline:'2\techo 6\n3\techo 7\n4\tfc -l\n' ./session HISTSIZE=3 <<'END'
fc -l
END
	# 7 records were more than 2 x 3: the file keeps the newest 3 (and the fc -l after them).
	atf_check -o inline:'echo 5\necho 6\necho 7\nfc -l\n' cat .vsh_history
	atf_check -o inline:'600\n' stat -c %a .vsh_history
	# A change while the shell runs applies at the next command.
	atf_check -o inline:'5\tHISTSIZE=2\n6\tfc -l\n' ./session <<'END'
HISTSIZE=2
fc -l
END
	# HISTSIZE=0: nothing kept or saved, and the file is left alone.
	cp .vsh_history before
	atf_check -s exit:1 -o inline:'x\n' -e inline:'vsh: fc: the command history is empty\n' ./session HISTSIZE=0 <<'END'
echo x
fc -l
END
	atf_check cmp before .vsh_history
}

atf_test_case histsize_default
histsize_default_head() { atf_set descr 'HISTSIZE unset keeps 500 entries; a file of more than 1000 records is trimmed through a new file renamed into place, with the same permissions'; }
histsize_default_body()
{
	make_session
	seq -f 'echo %g' 1 600 >.vsh_history
	# 500 entries: echo 102 ... echo 600 and the fc command.
	atf_check -o inline:'\techo 102\n' ./session <<'END'
fc -ln 1 1
END
	# 601 records are not twice 500: the file is left as it is.
	atf_check -o inline:'601\n' sh -c 'wc -l <.vsh_history'
	# 1200 are: the newest 500 go to a new file, renamed over the old one
	# (so a new inode), which a symbolic link goes on naming.
	seq -f 'echo %g' 1 1200 >real
	chmod 640 real
	ln -sf real .vsh_history
	inode=$(stat -c %i real)
	atf_check ./session <<'END'
:
END
	test -L .vsh_history || atf_fail "the symbolic link was replaced"
	test "$(stat -c %i real)" != "$inode" || atf_fail "the file was rewritten in place"
	atf_check -o inline:'501\n' sh -c 'wc -l <real'
	atf_check -o inline:'echo 701\n' head -n 1 real
	atf_check -o inline:':\n' tail -n 1 real
	# The new file keeps the old one's permissions.
	atf_check -o inline:'640\n' stat -c %a real
}

atf_test_case nolog
nolog_head() { atf_set descr 'set -o nolog: function definitions are not entered'; }
nolog_body()
{
	make_session
	atf_check -o inline:'f\n1\tf() { echo f; }\n2\tset -o nolog\n3\tf\n4\tfc -l\n' ./session <<'END'
f() { echo f; }
set -o nolog
g() { echo g; }
f
fc -l
END
	atf_check -o inline:'f() { echo f; }\nset -o nolog\nf\nfc -l\n' cat .vsh_history
}

atf_test_case bad_file
bad_file_head() { atf_set descr 'A HISTFILE that cannot be read, a binary or malformed one, or one without a directory: one warning, and the shell runs'; }
bad_file_body()
{
	make_session
	mkdir dir
	atf_check -o inline:'a\nb\n' -e inline:"vsh: HISTFILE: $PWD/dir: not a regular file\n" \
	    ./session HISTFILE="$PWD/dir" <<'END'
echo a
echo b
END
	printf 'echo a\0b\n' >binary
	cp binary binary.orig
	atf_check -o inline:'1\tfc -l\nmore\n' \
	    -e inline:"vsh: HISTFILE: $PWD/binary: not a text file: history is neither loaded nor saved\n" \
	    ./session HISTFILE="$PWD/binary" <<'END'
fc -l
echo more
END
	atf_check cmp binary binary.orig
	printf '#\\bad\\q\necho ok\n#\\x\\\n' >malformed
	atf_check -o inline:'1\techo ok\n2\tfc -l\n' \
	    -e inline:"vsh: HISTFILE: $PWD/malformed: line 1: 2 malformed records skipped\n" \
	    ./session HISTFILE="$PWD/malformed" <<'END'
fc -l
END
	atf_check -o inline:'a\nb\n' -e inline:"vsh: HISTFILE: $PWD/none/h: No such file or directory\n" \
	    ./session HISTFILE="$PWD/none/h" <<'END'
echo a
echo b
END
}

atf_test_case unwritable
unwritable_head() { atf_set descr 'A HISTFILE that cannot be written warns once, not at every command; a new HISTFILE takes effect at once'; }
unwritable_body()
{
	make_session
	atf_check -o inline:'a\nb\nc\n' -e inline:"vsh: HISTFILE: $PWD/none/h: No such file or directory\n" \
	    ./session <<'END'
HISTFILE=$HOME/none/h
echo a
echo b
HISTFILE=$HOME/other
echo c
END
	atf_check -o inline:'HISTFILE=$HOME/none/h\n' cat .vsh_history
	atf_check -o inline:'echo c\n' cat other
}

# The history fc works on in the fc tests.
fc_setup()
{
	printf 'echo %s\n' one two three four >.vsh_history
}

atf_test_case fc_list
fc_list_head() { atf_set descr 'fc -l, -n, -r, and ranges by number, negative offset and prefix'; }
fc_list_body()
{
	make_session
	fc_setup
	atf_check -o inline:'1\techo one\n2\techo two\n3\techo three\n4\techo four\n5\tfc -l\n' ./session <<'END'
fc -l
END
	fc_setup
	atf_check -o inline:'\techo four\n\techo three\n\techo two\n' ./session <<'END'
fc -lnr -3 -1
END
	fc_setup
	atf_check -o inline:'3\techo three\n2\techo two\n1\techo one\n3\techo three\n4\techo four\n' ./session <<'END'
fc -l 3 1
fc -lr -- -2 echo\ th
END
	# Numbers outside the history mean its ends.
	fc_setup
	atf_check -o inline:'2\techo two\n3\techo three\n4\techo four\n5\tfc -l 2 99\n1\techo one\n' ./session <<'END'
fc -l 2 99
fc -l -100 1
END
	# The 16 newest entries by default, the fc -l among them.
	i=1
	while [ "$i" -le 20 ]; do echo "echo $i"; i=$((i + 1)); done >.vsh_history
	atf_check -o inline:'6\techo 6\n7\techo 7\n8\techo 8\n9\techo 9\n10\techo 10\n11\techo 11\n12\techo 12\n13\techo 13\n14\techo 14\n15\techo 15\n16\techo 16\n17\techo 17\n18\techo 18\n19\techo 19\n20\techo 20\n21\tfc -l\n' ./session <<'END'
fc -l
END
}

atf_test_case fc_s
fc_s_head() { atf_set descr 'fc -s [old=new] [first] echoes and runs a command, which takes the place of the fc command'; }
fc_s_body()
{
	make_session
	fc_setup
	atf_check -o inline:'four\ntwo\nTWO\n1\techo one\n2\techo two\n3\techo three\n4\techo four\n5\techo four\n6\techo two\n7\techo TWO\n8\tfc -l\n' \
	    -e inline:'echo four\necho two\necho TWO\n' ./session <<'END'
fc -s
fc -s 'echo tw'
fc -s two=TWO 2
fc -l
END
	# The file says the same to the next session.
	atf_check -o inline:'5\techo four\n6\techo two\n7\techo TWO\n8\tfc -l\n9\tfc -l 5\n' ./session <<'END'
fc -l 5
END
	# fc -e - is fc -s (ksh).
	atf_check -o inline:'one\n' -e inline:'echo one\n' ./session <<'END'
fc -e - 1
END
	# A substitution that leaves nothing runs nothing; the fc command is not kept.
	fc_setup
	atf_check -o inline:'4\techo four\n5\tfc -l -1\n' ./session <<'END'
fc -s 'echo four='
fc -l -1
END
}

atf_test_case fc_edit
fc_edit_head() { atf_set descr 'fc -e and FCEDIT: the editor gets a mode 0600 temporary file, removed afterwards; the edited commands run and are entered'; }
fc_edit_body()
{
	make_session
	fc_setup
	cat >editor <<'END'
#!/bin/sh
stat -c %a "$1" >>editor.log
echo "$1" >>editor.log
sed -i 's/t/T/' "$1"
END
	chmod +x editor
	atf_check -o inline:'Two\nThree\nfour\nfOur\n1\techo one\n2\techo two\n3\techo three\n4\techo four\n5\techo Two\n\techo Three\n\techo four\n6\techo fOur\n7\tfc -l\n' \
	    -e inline:'echo Two\necho Three\necho four\necho fOur\n' ./session FCEDIT="$PWD/editor" TMPDIR="$PWD" <<'END'
fc 2 4
fc -e 'sed -i s/four/fOur/' 4
fc -l
END
	atf_check -o match:'^600$' -o match:"^$PWD/vsh-fc\\." cat editor.log
	# Without -e, and FCEDIT unset or empty, the editor is ed.
	mkdir bin
	printf '#!/bin/sh\nsed -i s/one/ONE/ "$1"\n' >bin/ed
	chmod +x bin/ed
	for fcedit in unset empty; do
		fc_setup
		if [ "$fcedit" = unset ]; then set --; else set -- FCEDIT=; fi
		PATH="$PWD/bin:$PATH" atf_check -o inline:'ONE\n' -e inline:'echo ONE\n' ./session "$@" <<'END'
fc 1
END
	done
	atf_check -o inline:'0\n' sh -c 'ls vsh-fc.* 2>/dev/null | wc -l'
	# The editor fails: nothing runs, the fc command is not kept.
	fc_setup
	atf_check -o inline:'status 1\n1\techo one\n2\techo two\n3\techo three\n4\techo four\n5\techo status $?\n6\tfc -l\n' \
	    -e inline:'vsh: fc: false: exit status 1, nothing run\n' ./session <<'END'
fc -e false 1 4
echo status $?
fc -l
END
	# The editor empties the file: nothing runs.
	fc_setup
	atf_check -o inline:'4\techo four\n5\tfc -l -1\n' ./session <<'END'
fc -e ': >' 1
fc -l -1
END
}

atf_test_case fc_errors
fc_errors_head() { atf_set descr 'fc errors: message, status, nothing run'; }
fc_errors_body()
{
	make_session
	fc_setup
	usage='usage: fc [-r] [-e editor] [first [last]]\n       fc -l [-nr] [first [last]]\n       fc -s [old=new] [first]\n'
	atf_check -o inline:'1\n1\n2\n2\n2\n2\n2\n2\n1\n' \
	    -e inline:"vsh: fc: nosuch: no such command in history\nvsh: fc: 99: no such command in history\nvsh: fc: -x: invalid option\n$usage$usage${usage}vsh: fc: -e: option requires an argument\n$usage$usage${usage}vsh: fc: x: no such command in history\n" ./session <<'END'
fc -s nosuch; echo $?
fc -s 99; echo $?
fc -x; echo $?
fc -s -l; echo $?
fc -n 1; echo $?
fc -e; echo $?
fc -s a=b 1 2; echo $?
fc -l 1 2 3; echo $?
fc -l 1 x; echo $?
END
	# Only the fc command itself in the history: nothing to run again.
	atf_check -s exit:1 -e inline:'vsh: fc: no command to run again\n' ./session HISTFILE= <<'END'
fc -s
END
	# That failed fc -s stays in the history; running it again runs it
	# once, and it may not run itself again (it would, for ever).
	atf_check -o inline:'1\n' \
	    -e inline:'vsh: fc: no command to run again\nfc -s\nvsh: fc: cannot run commands again from a command fc runs again\n' \
	    ./session HISTFILE= <<'END'
fc -s
fc -s
echo $?
END
}

atf_init_test_cases()
{
	atf_add_test_case persists
	atf_add_test_case scripts_never_touch
	atf_add_test_case concurrent
	atf_add_test_case histsize
	atf_add_test_case histsize_default
	atf_add_test_case nolog
	atf_add_test_case bad_file
	atf_add_test_case unwritable
	atf_add_test_case fc_list
	atf_add_test_case fc_s
	atf_add_test_case fc_edit
	atf_add_test_case fc_errors
}
