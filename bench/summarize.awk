# summarize.awk: turn bench/run's raw data into RESULTS.md (mode=report) or
# the plot's data file (mode=plotdata).
# Input files: machine.tsv (key TAB value), raw.tsv (workload shell round
# status ns_per_iteration maxrss_kb check).
# Variables: mode, shells (ids in column order), heap_sizes, missing,
# vsh_note, n_list ("workload=N ...").

BEGIN {
	FS = "\t"
	nshells = split(shells, shell_id, " ")
	nsizes = split(heap_sizes, heap_size, " ")
	nc = split("c-fork c-vfork c-spawn", c_id, " ")
	split(n_list, pairs, " ")
	for (i in pairs) {
		split(pairs[i], kv, "=")
		size_of[kv[1]] = kv[2]
	}
	label["vsh"] = "vsh -o vfork"; label["vsh-fork"] = "vsh +o vfork"
	label["dash"] = "dash"; label["bash"] = "bash --posix"; label["mksh"] = "mksh"
	label["busybox"] = "busybox sh"; label["ksh"] = "ksh93"; label["yash"] = "yash"
	label["c-fork"] = "C fork+exec"; label["c-vfork"] = "C vfork+exec"; label["c-spawn"] = "C posix_spawn"

	nw = 0
	w_add("launch_abs", "`/bin/true` by absolute path", "µs per launch")
	w_add("launch_path", "`bench-true` found through PATH", "µs per launch")
	for (i = 1; i <= nsizes; i++)
		w_add("heap" heap_size[i], heap_size[i] == 0 ? "`/bin/true`, heap series, no big variable" : "`/bin/true` with a " size_name(heap_size[i]) " variable", "µs per launch")
	w_add("pipeline", "`/bin/true \\| /bin/true \\| /bin/true`", "µs per pipeline")
	w_add("subst_ext", "`x=$(/bin/echo hi)`", "µs per substitution")
	w_add("subst_builtin", "`x=$(echo hi)`", "µs per substitution")
	w_add("arith", "`i=$((i + 1))` while loop", "µs per iteration")
	w_add("func", "function call", "µs per call")
	w_add("string", "`${p#*/} ${p##*/} ${p%/*} ${p%%.*} ${#p}`", "µs per iteration")
	w_add("case", "5 `case` statements over 6 pattern lists", "µs per iteration")
	w_add("bigstring", "`${#x}` and `${x#?}` on a 10 MiB string", "ms per iteration")
	w_add("append", "`x=\"$x$y\"`, 100 KiB at a time, " size_of["append"] " times", "µs per append")
	w_add("glob", "`\"$dir\"/f*` matching 100,000 files", "ms per glob")
	w_add("read", "`while IFS= read -r line`", "µs per line")
	w_add("heredoc", "100 KiB here-document into `/bin/cat`", "µs per run")
	w_add("startup", "`sh -c :`", "µs per run")
	w_add("startup_rss", "`sh -c :` peak RSS", "KiB")
	w_add("startup_cpu", "`sh -c :` CPU time (user+sys)", "µs per run")
	w_add("parse", "`sh -n` on a generated " size_of["parse"] "-line script", "ms per script")
	w_add("configure", "autoconf `configure` (bench/configure, stub compiler)", "s per run")
	w_add("configure_cpu", "same, CPU time (user+sys, children included)", "s per run")
}

function w_add(id, what, unit) {
	nw++
	w_id[nw] = id; w_what[id] = what; w_unit[id] = unit
}

function size_name(s) {
	if (s == 0) return "none"
	if (s >= 1024 && s % 1024 == 0) return (s / 1024) " GiB"
	return s " MiB"
}

FILENAME ~ /machine/ { machine[$1] = $2; machine_keys[++nm] = $1; next }

{
	w = $1; s = $2; r = $3 + 0
	if (r > rounds) rounds = r
	status[w, s, r] = $4
	value[w, s, r] = $5
	rss[w, s, r] = $6
	chk = $7
	sub(/ build=.*/, "", chk)
	check[w, s, r] = chk
	if ($4 == "ok" && chk != "") {
		count_check[w, chk]++
		if (!((w, s) in first_check)) first_check[w, s] = chk
	}
	if ($7 ~ / build=/) {
		b = $7; sub(/.* build=/, "", b)
		build[w, s] = b
	}
	if (w == "startup" && $4 == "ok") {
		status["startup_rss", s, r] = "ok"
		value["startup_rss", s, r] = $6 * 1000	# shown in "KiB": scale undone in fmt
	}
}

# The reference result of a workload: dash's, else the most common one.
function reference(w,    best, k, parts) {
	if ((w, "dash") in first_check) return first_check[w, "dash"]
	best = ""
	for (k in count_check) {
		split(k, parts, SUBSEP)
		if (parts[1] == w && (best == "" || count_check[k] > count_check[w, best])) best = parts[2]
	}
	return best
}

# Status of one run, without creating the array element (awk creates on read).
function st(w, s, r) {
	return ((w, s, r) in status) ? status[w, s, r] : ""
}

function is_wrong(w, s, r) {
	if (w == "startup_rss" || w ~ /^c-/ || s ~ /^c-/) return 0
	if (!(w in ref)) ref[w] = reference(w)
	return ref[w] != "" && check[w, s, r] != ref[w]
}

function sort_numbers(a, n,    i, j, t) {
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
		a[j + 1] = t
	}
}

function median_of(a, n) {
	if (n == 0) return ""
	sort_numbers(a, n)
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}

# Fills stat_median, stat_min, stat_max, stat_ok, stat_bad, stat_why for (w, s).
function stats(w, s,    r, n, a) {
	n = 0; stat_bad = 0; stat_why = ""
	for (r = 1; r <= rounds; r++) {
		if (!((w, s, r) in status)) continue
		if (status[w, s, r] == "ok" && is_wrong(w, s, r)) {
			stat_bad++
			stat_why = "WRONG"
		} else if (status[w, s, r] == "ok") {
			a[++n] = value[w, s, r] + 0
		} else {
			stat_bad++
			if (stat_why == "") stat_why = status[w, s, r]
		}
	}
	stat_ok = n
	stat_median = median_of(a, n)
	stat_min = n ? a[1] : ""
	stat_max = n ? a[n] : ""
	return n
}

# Median over rounds of (s in round r) / (dash in round r).
function ratio_to(w, s, base,    r, n, a) {
	n = 0
	for (r = 1; r <= rounds; r++)
		if (st(w, s, r) == "ok" && st(w, base, r) == "ok" && !is_wrong(w, s, r) &&
		    !is_wrong(w, base, r) && value[w, base, r] + 0 > 0)
			a[++n] = value[w, s, r] / value[w, base, r]
	return median_of(a, n)
}

function num(x) {
	if (x == "") return "–"
	if (x < 0) return sprintf("%.2f", x)
	if (x == 0) return "0"
	if (x >= 100) return sprintf("%.0f", x)
	if (x >= 10) return sprintf("%.1f", x)
	if (x >= 1) return sprintf("%.2f", x)
	return sprintf("%.3f", x)
}

function scaled(w, ns) {
	if (ns == "") return ""
	if (w ~ /^configure/) return ns / 1e9
	if (w == "parse" || w == "bigstring" || w == "glob") return ns / 1e6
	return ns / 1e3
}

function ratio_text(x) {
	if (x == "") return ""
	if (x < 0.005) return "≈0×"
	return sprintf("%.2f×", x)
}

function has_data(w, s,    r) {
	for (r = 1; r <= rounds; r++)
		if ((w, s, r) in status) return 1
	return 0
}

function cell(w, s,    text, q) {
	if (!has_data(w, s)) return "–"
	stats(w, s)
	if (stat_ok == 0) return stat_why
	text = num(scaled(w, stat_median))
	if (stat_median <= 0) { text = "≈0†"; below_resolution = 1 }
	if (s != "dash" && has_data(w, "dash")) {
		q = ratio_to(w, s, "dash")
		if (q != "") text = text " (" ratio_text(q) ")"
	}
	if (stat_bad) text = text " " stat_bad "/" stat_ok + stat_bad " " stat_why
	return text
}

function spread_cell(w, s) {
	if (!has_data(w, s)) return "–"
	stats(w, s)
	if (stat_ok == 0) return stat_why
	return num(scaled(w, stat_min)) "–" num(scaled(w, stat_max))
}

function median_value(w, s) {
	if (!has_data(w, s)) return ""
	stats(w, s)
	return stat_median
}

# target(description, figure, limit): one row of the targets table.
function target_row(what, goal, fig, limit, figure_text) {
	if (figure_text == "not run") {
		printf "| %s | %s | not run | – |\n", what, goal
		return
	}
	if (fig == "") {
		printf "| %s | %s | no valid data (%s) | **missed** |\n", what, goal, figure_text ~ /^(FAIL|WRONG|TIMEOUT|SKIP)/ ? figure_text : "FAIL"
		return
	}
	printf "| %s | %s | %s | %s |\n", what, goal, figure_text, (fig <= limit ? "met" : "**missed**")
}

function ratio_target(w, goal, limit,    q) {
	if (!has_data(w, "vsh")) {
		target_row(w_what[w], goal, "", limit, "not run")
		return
	}
	q = ratio_to(w, "vsh", "dash")
	if (q == "") {
		stats(w, "vsh")
		target_row(w_what[w], goal, "", limit, stat_why)
		return
	}
	c = median_value(w, "vsh")
	target_row(w_what[w], goal, q, limit, ratio_text(q) " dash (" (c != "" && c <= 0 ? "≈0" : num(scaled(w, c))) " vs " num(scaled(w, median_value(w, "dash"))) " " w_unit[w] ")")
}

function plotdata(    i, j, k, ids, n, v) {
	n = 0
	for (i = 1; i <= nshells; i++) ids[++n] = shell_id[i]
	for (i = 1; i <= nc; i++) ids[++n] = c_id[i]
	printf "heap"
	for (j = 1; j <= n; j++) printf "\t\"%s\"", label[ids[j]]
	printf "\n"
	for (i = 1; i <= nsizes; i++) {
		printf "\"%s\"", size_name(heap_size[i])
		for (j = 1; j <= n; j++) {
			v = median_value("heap" heap_size[i], ids[j])
			printf "\t%s", (v == "" ? "?" : sprintf("%.1f", v / 1e3))
		}
		printf "\n"
	}
}

END {
	if (mode == "plotdata") {
		plotdata()
		exit
	}
	print "# vsh benchmark results"
	print ""
	print "Produced by `bench/run` (see `bench/README.md` for the method). Times are medians over"
	print rounds " rounds; the figure in parentheses is the median over rounds of the per-round ratio"
	print "to dash (below 1× is faster than dash). FAIL, TIMEOUT, WRONG (result differs from"
	print "dash's) and SKIP cells carry no time. Lower is better everywhere."
	print ""
	print "## Machine"
	print ""
	for (i = 1; i <= nm; i++)
		printf "- %s: %s\n", machine_keys[i], machine[machine_keys[i]]
	if (missing != "") printf "- not installed, skipped: %s\n", missing
	if (vsh_note != "") printf "- note: %s\n", vsh_note
	print ""

	print "## Targets (vsh -o vfork)"
	print ""
	print "| workload | target | measured | status |"
	print "|---|---|---|---|"
	# The C loops run in the same rounds as launch_abs (heap0 if not).
	cw = has_data("launch_abs", "c-vfork") ? "launch_abs" : "heap0"
	q = median_value("launch_abs", "vsh"); c = median_value(cw, "c-vfork")
	qr = cw == "launch_abs" ? ratio_to("launch_abs", "vsh", "c-vfork") : ((q != "" && c > 0) ? q / c : "")
	target_row("launch loop vs C vfork+exec loop", "≤ 1.05×", qr, 1.05,
	    !has_data("launch_abs", "vsh") || !has_data(cw, "c-vfork") ? "not run" : \
	    sprintf("%s× (%s vs %s µs per launch)", qr != "" ? sprintf("%.2f", qr) : "?", num(scaled("x", q)), num(scaled("x", c))))
	ratio_target("launch_abs", "≤ 1.0× dash", 1.0)
	big = heap_size[nsizes]
	if (nsizes >= 3) {
		g = median_value("heap" big, "vsh"); s16 = median_value("heap16", "vsh")
		target_row("launch with " size_name(big) " heap vs 16 MiB", "≤ 1.1×", (g != "" && s16 > 0) ? g / s16 : "", 1.1,
		    !has_data("heap16", "vsh") ? "not run" : sprintf("%s× (%s vs %s µs)", (g != "" && s16 > 0) ? sprintf("%.2f", g / s16) : "?", num(scaled("x", g)), num(scaled("x", s16))))
		g = median_value("heap" big, "vsh-fork"); s16 = median_value("heap16", "vsh-fork")
		printf "| same, vsh +o vfork (fork shows growth) | for comparison | %s | info |\n",
		    (g != "" && s16 > 0) ? sprintf("%.1f× (%s vs %s µs)", g / s16, num(scaled("x", g)), num(scaled("x", s16))) : "no data"
		g = median_value("heap" big, "c-fork"); s16 = median_value("heap16", "c-fork")
		if (g != "" && s16 > 0)
			printf "| same, C fork+exec loop | for comparison | %.1f× (%s vs %s µs) | info |\n", g / s16, num(scaled("x", g)), num(scaled("x", s16))
	}
	ratio_target("pipeline", "≤ 0.8× dash", 0.8)
	ratio_target("subst_ext", "≤ 0.85× dash", 0.85)
	ratio_target("subst_builtin", "≤ 0.1× dash", 0.1)
	ratio_target("arith", "≤ 0.8× dash", 0.8)
	ratio_target("func", "≤ 0.8× dash", 0.8)
	ratio_target("string", "≤ 0.8× dash", 0.8)
	ratio_target("case", "≤ 0.8× dash", 0.8)
	ratio_target("bigstring", "≤ 1.0× dash", 1.0)
	ratio_target("append", "≤ 1.0× dash", 1.0)
	ratio_target("glob", "≤ 1.0× dash", 1.0)
	q = median_value("glob", "vsh")
	target_row("glob of 100,000 files", "≤ 0.5 s (well under 1 s)", q != "" ? q / 1e9 : "", 0.5,
	    !has_data("glob", "vsh") ? "not run" : sprintf("%s ms", num(q / 1e6)))
	ratio_target("read", "≤ 0.15× dash", 0.15)
	ratio_target("heredoc", "≤ 0.7× dash", 0.7)
	ratio_target("parse", "≤ 0.8× dash", 0.8)
	ratio_target("startup", "≤ 1.0× dash", 1.0)
	ratio_target("startup_cpu", "≤ 1.0× dash", 1.0)
	q = median_value("startup_rss", "vsh"); c = median_value("startup_rss", "dash")
	target_row("`sh -c :` peak RSS", "≤ dash", (q != "" && c > 0) ? q / c : "", 1.0,
	    !has_data("startup", "vsh") ? "not run" : sprintf("%s KiB vs %s KiB", num(q / 1000), num(c / 1000)))
	ratio_target("configure", "≤ 0.5× dash", 0.5)
	ratio_target("configure_cpu", "≤ 0.5× dash", 0.5)
	print ""

	print "## Medians"
	print ""
	printf "| workload | unit |"
	for (i = 1; i <= nshells; i++) printf " %s |", label[shell_id[i]]
	printf "\n|---|---|"
	for (i = 1; i <= nshells; i++) printf "---|"
	printf "\n"
	for (k = 1; k <= nw; k++) {
		w = w_id[k]
		any = 0
		for (i = 1; i <= nshells; i++) if (has_data(w, shell_id[i])) any = 1
		if (!any) continue
		printf "| %s | %s |", w_what[w], w_unit[w]
		for (i = 1; i <= nshells; i++) {
			printf " %s |", cell(w, shell_id[i])
		}
		printf "\n"
	}
	print ""

	if (has_data("launch_abs", "c-vfork")) {
		printf "C launch loops in the same rounds as the `/bin/true` row (µs per launch, median [min–max], ratio to dash):"
		for (i = 1; i <= nc; i++) {
			stats("launch_abs", c_id[i])
			if (stat_ok) printf " %s %s [%s–%s] (%s)%s", label[c_id[i]], num(stat_median / 1e3), num(stat_min / 1e3), num(stat_max / 1e3),
			    ratio_text(ratio_to("launch_abs", c_id[i], "dash")), i < nc ? ";" : "."
		}
		print "\n"
	}
	if (below_resolution) {
		print "† below the method's resolution: the time per iteration is smaller than the"
		print "round-to-round variation of one clock call divided by N (see the spread table)."
		print ""
	}
	print "## Spread (min–max over rounds, same units)"
	print ""
	printf "| workload |"
	for (i = 1; i <= nshells; i++) printf " %s |", label[shell_id[i]]
	printf "\n|---|"
	for (i = 1; i <= nshells; i++) printf "---|"
	printf "\n"
	for (k = 1; k <= nw; k++) {
		w = w_id[k]
		any = 0
		for (i = 1; i <= nshells; i++) if (has_data(w, shell_id[i])) any = 1
		if (!any) continue
		printf "| %s |", w
		for (i = 1; i <= nshells; i++) printf " %s |", spread_cell(w, shell_id[i])
		printf "\n"
	}
	print ""

	if (nsizes > 0 && has_data("heap" heap_size[1], "c-vfork")) {
		print "## Launch time against heap size (µs per launch, median [min–max])"
		print ""
		print "The shell's heap is grown by a variable built with `x=\"$x$x\"`; the C programs"
		print "malloc and touch the same number of MiB. Build: seconds the shell took to build the"
		print "largest variable it built (not part of the timing)."
		print ""
		printf "| |"
		for (i = 1; i <= nsizes; i++) printf " %s |", size_name(heap_size[i])
		printf " %s / 16 MiB | build |\n|---|", size_name(heap_size[nsizes])
		for (i = 1; i <= nsizes + 2; i++) printf "---|"
		printf "\n"
		for (j = 1; j <= nshells + nc; j++) {
			s = j <= nshells ? shell_id[j] : c_id[j - nshells]
			printf "| %s |", label[s]
			last_build = ""
			for (i = 1; i <= nsizes; i++) {
				w = "heap" heap_size[i]
				if (!has_data(w, s)) { printf " – |"; continue }
				stats(w, s)
				if (stat_ok == 0) printf " %s |", stat_why
				else printf " %s [%s–%s] |", num(stat_median / 1e3), num(stat_min / 1e3), num(stat_max / 1e3)
				if ((w, s) in build) last_build = build[w, s]
			}
			g = median_value("heap" big, s); s16 = median_value("heap16", s)
			printf " %s | %s |\n", (g != "" && s16 > 0) ? sprintf("%.2f×", g / s16) : "–", last_build
		}
		print ""
		print "![launch time against heap size](launch-vs-heap.svg)"
		print ""
	}

	print "## Workloads and sizes"
	print ""
	for (k = 1; k <= nw; k++) {
		w = w_id[k]
		if (w ~ /^heap/ || w == "startup_rss" || w == "startup_cpu" || w == "configure_cpu") continue
		if (w in size_of) printf "- %s: %s; size %s\n", w, w_what[w], size_of[w]
	}
	if ("heap" in size_of) printf "- heap: %s launches per round at each heap size\n", size_of["heap"]
	print ""
	nwrong = 0
	for (k = 1; k <= nw; k++) {
		w = w_id[k]
		for (i = 1; i <= nshells; i++)
			for (r = 1; r <= rounds; r++)
				if (st(w, shell_id[i], r) == "ok" && is_wrong(w, shell_id[i], r) && !((w, shell_id[i]) in told)) {
					if (!nwrong++) print "## Wrong results\n"
					told[w, shell_id[i]] = 1
					printf "- %s, %s: `%s`, expected `%s`\n", w, label[shell_id[i]], check[w, shell_id[i], r], ref[w]
				}
	}
	if (nwrong) print ""
}
