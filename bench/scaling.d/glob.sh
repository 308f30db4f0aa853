# glob N: `set -- "$dir"/f*` in a directory of N files (made once).
n=${1:?size}; clock=${BENCH_CLOCK:?}
dir=${BENCH_TMP:?}/scaling-glob-$n
[ -d "$dir" ] || { mkdir -p "$dir" && seq "$n" | sed 's/^/f/' | (cd "$dir" && xargs touch); }
t1=$("$clock")
set -- "$dir"/f*
t2=$("$clock")
echo "clock $t1 $t2"
