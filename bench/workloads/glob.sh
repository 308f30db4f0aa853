# glob N: N pathname expansions of "$dir"/f* in a directory of 100,000 files
# (made by bench/run in $BENCH_TMP/glob before any shell runs).
n=${1:?size}
clock=${BENCH_CLOCK:?}
dir=${BENCH_TMP:?}/glob
i=0 count=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	set -- "$dir"/f*
	count=$#
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i $count ${1##*/} ${100000##*/}"
