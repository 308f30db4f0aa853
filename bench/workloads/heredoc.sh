# heredoc N: N runs of /bin/cat >/dev/null with a 100 KiB quoted
# here-document.  The here-document sits in a function defined (and parsed)
# before the timed part, from a file generated here.
n=${1:?size}
clock=${BENCH_CLOCK:?}
def=${BENCH_TMP:?}/heredoc-def.sh
if [ ! -f "$def" ]; then
	awk 'BEGIN {
		print "emit() {"
		print "\t/bin/cat >\"$1\" <<'"'"'END_OF_BODY'"'"'"
		# 1600 lines of 64 bytes = 102400 bytes = 100 KiB
		for (i = 0; i < 1600; i++)
			printf "%06d %s\n", i, "here-document text, $not_expanded `nor this` \\\\ ---- end"
		print "END_OF_BODY"
		print "}"
	}' >"$def"
fi
. "$def"
i=0
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	emit /dev/null
	i=$((i + 1))
done
t2=$("$clock")
emit "$BENCH_TMP/heredoc.out"
echo "clock $t0 $t1 $t2"
echo "check $i $(cksum <"$BENCH_TMP/heredoc.out")"
