# append N: N appends x="$x$y" of a 10 KiB y to a string that starts empty
# (1,000 appends make 10 MiB).  Each append copies x: the work grows with the
# string in every shell; the question is by how much more than the copy.
n=${1:?size}
clock=${BENCH_CLOCK:?}
y=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
y=$y$y$y$y$y$y$y$y$y$y$y$y$y$y$y$y	# 1 KiB
y=$y$y$y$y$y$y$y$y$y$y			# 10 KiB
i=0 x=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	x="$x$y"
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i ${#x}"
