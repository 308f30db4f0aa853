# plot.gp: per-launch time against the shell's heap size.
# bench/run calls: gnuplot -e "datafile='...'; outfile='...'; term='png|svg'" plot.gp
# The data file has one row per heap size and one column per shell or C
# program (header row = titles; "?" = no data).
if (term eq 'png') {
	set terminal pngcairo size 1000,640 noenhanced font 'sans,10'
} else {
	set terminal svg size 1000,640 noenhanced font 'sans,10' background '#ffffff'
}
set output outfile
set datafile separator "\t"
set datafile missing "?"
set title "Time to launch /bin/true against the launching process's heap size"
set xlabel "heap grown by the shell variable (or malloc+memset in C)"
set ylabel "µs per launch (median, log scale)"
set logscale y
set grid ytics mytics xtics
set key outside right top
set offsets 0.2, 0.2, 0, 0
stats datafile skip 1 nooutput
columns = STATS_columns
# Columns 2 and 3 are vsh (thick), the last three the C programs (dashed).
plot for [col=2:3] datafile using 0:col:xtic(1) with linespoints lw 3.5 pt (col - 1) ps 1.4 title columnheader(col), \
     for [col=4:columns-3] datafile using 0:col:xtic(1) with linespoints lw 1.5 pt (col - 1) ps 1 title columnheader(col), \
     for [col=columns-2:columns] datafile using 0:col:xtic(1) with linespoints lw 2 dt 2 pt (col - 1) ps 1 title columnheader(col)
