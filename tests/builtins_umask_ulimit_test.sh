#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case umask_octal
umask_octal_head() { atf_set descr "umask prints and sets octal masks"; }
umask_octal_body()
{
	atf_check -o inline:'0022\n0002\n0777\n' vsh -c 'umask 022; umask; umask 2; umask; umask 0777; umask'
	atf_check -o inline:'0027\n' vsh -c 'umask 027; umask'
	atf_check -o match:'^-rw-r-----' vsh -c 'umask 027; : >f; ls -l f'
}

atf_test_case umask_symbolic
umask_symbolic_head() { atf_set descr "umask -S and symbolic masks"; }
umask_symbolic_body()
{
	atf_check -o inline:'u=rwx,g=rx,o=rx\n' vsh -c 'umask 022; umask -S'
	atf_check -o inline:'u=,g=,o=\n' vsh -c 'umask 777; umask -S'
	atf_check -o inline:'0027\n' vsh -c 'umask u=rwx,g=rx,o=; umask'
	atf_check -o inline:'0007\n' vsh -c 'umask 027; umask g+w; umask'
	atf_check -o inline:'u=rx,g=rx,o=\n' vsh -c 'umask 007; umask a-w; umask -S'
	atf_check -o inline:'0233\n' vsh -c 'umask 227; umask o+r,g-x; umask'
	atf_check -o inline:'0000\n' vsh -c 'umask 777; umask a=rwx; umask'
	atf_check -o inline:'0022\n' vsh -c 'umask 077; umask go=u-w; umask'
}

atf_test_case umask_errors
umask_errors_head() { atf_set descr "bad masks leave the mask alone, status 1"; }
umask_errors_body()
{
	atf_check -s exit:0 -o inline:'1\n0022\n' -e match:'umask: 8: invalid mode$' \
	    vsh -c 'umask 022; umask 8; echo $?; umask'
	atf_check -s exit:1 -e match:'umask: u\+q: invalid mode$' vsh -c 'umask u+q'
	atf_check -s exit:1 -e match:'umask: 77777: invalid mode$' vsh -c 'umask 77777'
	atf_check -s exit:2 -e match:'umask: -x: invalid option' vsh -c 'umask -x'
}

atf_test_case ulimit
ulimit_head() { atf_set descr "ulimit reads and sets limits"; }
ulimit_body()
{
	atf_check -o inline:'unlimited\n100\n100\n' vsh -c 'ulimit -f unlimited; ulimit; ulimit -f 100; ulimit -f; ulimit -H -f'
	atf_check -o inline:'64\n' vsh -c 'ulimit -n 64; ulimit -n'
	atf_check -o inline:'50\n60\n' vsh -c 'ulimit -S -n 50; ulimit -n; ulimit -H -n 60; ulimit -H -n'
	atf_check -o match:'^-n: open files +40$' -o match:'^-f: file\(blocks\) +' -o match:'^-t: time\(seconds\) +' \
	    vsh -c 'ulimit -n 40; ulimit -a'
	atf_check -o inline:'-n: open files              30\n-c: coredump(blocks)        0\n' \
	    vsh -c 'ulimit -n 30; ulimit -c 0; ulimit -n -c'
	# -f counts 512-byte blocks.
	atf_check -o inline:'1024\n' -e ignore vsh -c 'ulimit -f 2; dd if=/dev/zero of=f bs=1024 count=4 2>/dev/null; wc -c <f | tr -d " "'
}

atf_test_case ulimit_errors
ulimit_errors_head() { atf_set descr "ulimit errors"; }
ulimit_errors_body()
{
	atf_check -s exit:1 -e match:'ulimit: abc: bad number$' vsh -c 'ulimit -n abc'
	atf_check -s exit:1 -e match:'ulimit: -n: cannot set limit: ' vsh -c 'ulimit -n 100; ulimit -S -n 200'
	atf_check -s exit:2 -e match:'ulimit: -y: invalid option' vsh -c 'ulimit -y'
}

atf_test_case times
times_head() { atf_set descr "times prints shell and children times"; }
times_body()
{
	atf_check -o match:'^[0-9]+m[0-9]+\.[0-9]{3}s [0-9]+m[0-9]+\.[0-9]{3}s$' vsh -c 'times | head -n 1'
	atf_check -o match:'^[0-9]+m[0-9]+\.[0-9]{3}s [0-9]+m[0-9]+\.[0-9]{3}s$' vsh -c 'times | tail -n 1'
	atf_check -o inline:'2\n' vsh -c 'times | wc -l | tr -d " "'
	# A busy child shows in the second line.
	atf_check -o not-match:'^0m0\.000s 0m0\.000s$' \
	    vsh -c 'dd if=/dev/zero of=/dev/null bs=1048576 count=3000 2>/dev/null; times >t; tail -n 1 t'
}

atf_init_test_cases()
{
	atf_add_test_case umask_octal
	atf_add_test_case umask_symbolic
	atf_add_test_case umask_errors
	atf_add_test_case ulimit
	atf_add_test_case ulimit_errors
	atf_add_test_case times
}
