# heap N ROUNDS SIZES...: the launch_abs loop (N launches of /bin/true) after
# the shell has grown a variable to each of SIZES MiB (ascending, e.g.
# 0 16 256 1024), ROUNDS timed loops per size.  The variable is built by
# doubling, x="$x$x", from 1 KiB; building is not timed, but reported.
# When building the next size would take longer than BENCH_BUILD_LIMIT
# seconds (guessed from this build: the work is proportional to the size),
# the series stops with "skip SIZE ...": some shells need minutes for 1 GiB.
# Output per size: "build S T0 T1", ROUNDS lines "clock S T0 T1 T2",
# "check S ...".
n=${1:?size}
rounds=${2:?rounds}
shift 2
clock=${BENCH_CLOCK:?}
limit=${BENCH_BUILD_LIMIT:-60}
kib=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
kib=$kib$kib$kib$kib$kib$kib$kib$kib$kib$kib$kib$kib$kib$kib$kib$kib
x=$kib
have=1	# KiB in x
last=0 before=0	# MiB of the last two sizes built
for size in "$@"; do
	# Doubling from L to S MiB copies about 2(S - L) MiB.
	if [ "$size" -gt 0 ] && [ -n "${built_ns:-}" ] &&
	    guess=$(awk -v ns="$built_ns" -v s="$size" -v l="$last" -v b="$before" \
	    'BEGIN { printf "%.0f", ns / 1e9 * (s - l) / (l - b) }') &&
	    [ "$guess" -gt "$limit" ]; then
		echo "skip $size build would take ~$guess s, limit $limit s"
		for rest in "$@"; do
			[ "$rest" -gt "$size" ] && echo "skip $rest not tried after $size"
		done
		break
	fi
	t0=$("$clock")
	if [ "$size" -eq 0 ]; then
		x=
	else
		[ -z "$x" ] && x=$kib
		while [ "$have" -lt "$((size * 1024))" ]; do
			x="$x$x"
			have=$((have * 2))
		done
	fi
	t1=$("$clock")
	echo "build $size $t0 $t1"
	if [ "$size" -gt 0 ]; then
		built_ns=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }')
		before=$last last=$size
	fi
	r=0
	while [ "$r" -lt "$rounds" ]; do
		i=0
		t0=$("$clock"); t1=$("$clock")
		while [ "$i" -lt "$n" ]; do
			/bin/true
			i=$((i + 1))
		done
		t2=$("$clock")
		echo "clock $size $t0 $t1 $t2"
		r=$((r + 1))
	done
	echo "check $size $i ${#x}"
done
