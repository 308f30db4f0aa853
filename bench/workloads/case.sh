# case N: per iteration, five case statements (one per word below) over a
# list of glob patterns typical of scripts.
n=${1:?size}
clock=${BENCH_CLOCK:?}
i=0 kinds=
t0=$("$clock"); t1=$("$clock")
while [ "$i" -lt "$n" ]; do
	kinds=
	for w in main.c Makefile vsh-1.0.tar.gz README.md --verbose; do
		case $w in
		*.[ch]) kind=c ;;
		[Mm]akefile|GNUmakefile) kind=make ;;
		*.tar.gz|*.tgz|*.tar.xz) kind=tar ;;
		README*|*.md|*.txt) kind=doc ;;
		--*) kind=opt ;;
		*) kind=other ;;
		esac
		kinds=$kinds$kind
	done
	i=$((i + 1))
done
t2=$("$clock")
echo "clock $t0 $t1 $t2"
echo "check $i $kinds"
