#! /usr/bin/env atf-sh
# Arithmetic expansion (XCU 2.6.4).
# Expected outputs were checked against dash (/usr/bin/dash).
. "$(atf_get_srcdir)/common.sh"

atf_test_case operators
operators_head() { atf_set descr 'every operator POSIX lists, with C precedence'; }
operators_body()
{
	atf_check -s exit:0 -o inline:'7 9 3 1 -3 -1\n' -e empty vsh -c 'echo $((1+2*3)) $(((1+2)*3)) $((7/2)) $((7%3)) $((-7/2)) $((-7%3))'
	atf_check -s exit:0 -o inline:'16 16 -4 1 7 6 -6\n' -e empty vsh -c 'echo $((1<<4)) $((256>>4)) $((-16>>2)) $((5&3)) $((5|3)) $((5^3)) $((~5))'
	atf_check -s exit:0 -o inline:'1 1 0 0 1 0\n' -e empty vsh -c 'echo $((1<2)) $((2<=2)) $((3>4)) $((4>=5)) $((1==1)) $((1!=1))'
	atf_check -s exit:0 -o inline:'1 0 -3 3 3 1\n' -e empty vsh -c 'echo $((!0)) $((!5)) $((-3)) $((+3)) $((- -3)) $((!!7))'
	atf_check -s exit:0 -o inline:'1 0 0 1\n' -e empty vsh -c 'echo $((1&&2)) $((0&&2)) $((0||0)) $((0||3))'
	atf_check -s exit:0 -o inline:'2 3 6\n' -e empty vsh -c 'echo $((1?2:3)) $((0?2:3)) $((0?1:0?5:6))'
	atf_check -s exit:0 -o inline:'6 3 1 2\n' -e empty vsh -c 'echo $((1+2<<1)) $((1|2^3&4)) $((1<2==1)) $((2*3%4))'
	atf_check -s exit:0 -o inline:'3\n' -e empty vsh -c 'echo $(( 1 + 2 ))'
	atf_check -s exit:0 -o inline:'0x\n' -e empty vsh -c 'echo $((  ))x'
}

atf_test_case constants
constants_head() { atf_set descr 'decimal, octal and hexadecimal constants'; }
constants_body()
{
	atf_check -s exit:0 -o inline:'8 31 31 0 0\n' -e empty vsh -c 'echo $((010)) $((0x1f)) $((0X1F)) $((0)) $((00))'
	atf_check -s exit:0 -o inline:'8 16 24\n' -e empty vsh -c 'x=010; y=0x10; echo $((x)) $((y)) $((x+y))'
	atf_check -s exit:2 -o empty -e match:'syntax error|expecting' vsh -c 'echo $((09))'
	atf_check -s exit:2 -o empty -e match:'syntax error|expecting' vsh -c 'echo $((0x))'
}

atf_test_case variables
variables_head() { atf_set descr 'variables with and without $, unset and empty are 0 (an error with set -u)'; }
variables_body()
{
	atf_check -s exit:0 -o inline:'8 8 4\n' -e empty vsh -c 'x=4; echo $((x*2)) $(($x*2)) $((x+y))'
	atf_check -s exit:0 -o inline:'1\n' -e empty vsh -c 'x=; echo $((x+1))'
	atf_check -s exit:0 -o inline:'13\n' -e empty vsh -c 'x=" 12 "; echo $((x+1))'
	atf_check -s exit:0 -o inline:'5 5\n' -e empty vsh -c 'x=-5; echo $((x*-1)) $((-x))'
	atf_check -s exit:2 -o empty -e match:'abc' vsh -c 'x=abc; echo $((x+1))'
	atf_check -s exit:2 -o empty -e match:'1\+2' vsh -c 'x=1+2; echo $((x))'
	atf_check -s exit:0 -o inline:'11 20\n' -e empty vsh -c 'set -- 5 6; echo $(($1+$2)) $(($#*10))'
	atf_check -s exit:0 -o inline:'25\n' -e empty vsh -c 'a=3 b=4; echo $((a*a+b*b))'
	# set -u: reading an unset name is an error (POSIX.1-2024); assigning it is not.
	atf_check -s exit:2 -o empty -e match:'line 1: y: parameter not set' vsh -c 'set -u; x=1; echo $((x+y)); echo notreached'
	atf_check -s exit:2 -o empty -e match:'y: parameter not set' vsh -c 'set -u; echo $((y+=1))'
	atf_check -s exit:0 -o inline:'1 1 0\n' -e empty vsh -c 'set -u; x=; echo $((y=1)) $y $((x))'
	atf_check -s exit:0 -o inline:'1\n' -e empty vsh -c 'set -u; echo $((1 || y))'
}

atf_test_case assignment
assignment_head() { atf_set descr 'assignment operators assign and return the value'; }
assignment_body()
{
	atf_check -s exit:0 -o inline:'5 5\n' -e empty vsh -c 'echo $((x=5)) $x'
	atf_check -s exit:0 -o inline:'15 12 24 6 2 2\n' -e empty vsh -c 'x=10; echo $((x+=5)) $((x-=3)) $((x*=2)) $((x/=4)) $((x%=4)) $x'
	atf_check -s exit:0 -o inline:'8 4 5 4 3 3\n' -e empty vsh -c 'x=1; echo $((x<<=3)) $((x>>=1)) $((x|=1)) $((x&=6)) $((x^=7)) $x'
	atf_check -s exit:0 -o inline:'7 7 7\n' -e empty vsh -c 'echo $((a=b=7)) $a $b'
	atf_check -s exit:0 -o inline:'14 14\n' -e empty vsh -c 'echo $((x=2+3*4)) $x'
	atf_check -s exit:2 -o empty -e match:'read.only' vsh -c 'readonly r=1; echo $((r=2)); echo notreached'
	atf_check -s exit:2 -o empty -e match:'syntax error|expecting|assignment' vsh -c 'echo $((1=2))'
}

atf_test_case short_circuit
short_circuit_head() { atf_set descr 'the branch not taken has no effect and no errors'; }
short_circuit_body()
{
	atf_check -s exit:0 -o inline:'0 0\n' -e empty vsh -c 'x=0; echo $((0&&(x=1))) $x'
	atf_check -s exit:0 -o inline:'1 0\n' -e empty vsh -c 'x=0; echo $((1||(x=1))) $x'
	atf_check -s exit:0 -o inline:'5 0\n6 0\n' -e empty vsh -c 'x=0; echo $((1?5:(x=9))) $x; echo $((0?(x=8):6)) $x'
	atf_check -s exit:0 -o inline:'0 1 1\n' -e empty vsh -c 'echo $((0&&1/0)) $((1||1%0)) $((1?1:1/0))'
}

atf_test_case overflow
overflow_head() { atf_set descr 'wraparound on overflow, no crash'; }
overflow_body()
{
	atf_check -s exit:0 -o inline:'-9223372036854775808\n' -e empty vsh -c 'echo $((9223372036854775807+1))'
	atf_check -s exit:0 -o inline:'-9223372036854775808\n' -e empty vsh -c 'echo $((-9223372036854775807-1))'
	atf_check -s exit:0 -o inline:'-9223372036854775808\n' -e empty vsh -c 'echo $(((-9223372036854775807-1)/-1))'
	atf_check -s exit:0 -o inline:'0\n' -e empty vsh -c 'echo $(((-9223372036854775807-1)%-1))'
	atf_check -s exit:0 -o inline:'-2\n' -e empty vsh -c 'echo $((9223372036854775807*2))'
}

atf_test_case errors
errors_head() { atf_set descr 'division by zero and syntax errors are fatal with status 2'; }
errors_body()
{
	atf_check -s exit:2 -o empty -e match:'division by zero' vsh -c 'echo $((1/0)); echo notreached'
	atf_check -s exit:2 -o empty -e match:'division by zero' vsh -c 'echo $((5%0)); echo notreached'
	atf_check -s exit:2 -o empty -e match:'division by zero' vsh -c 'x=0; echo $((3/x))'
	atf_check -s exit:2 -o empty -e match:'arithmetic' vsh -c 'echo $((1+)); echo notreached'
	atf_check -s exit:2 -o empty -e match:'arithmetic|expecting' vsh -c 'echo $(( (1 )); echo notreached'
	atf_check -s exit:2 -o empty -e match:'arithmetic|expecting' vsh -c 'echo $((2 3))'
	atf_check -s exit:2 -o empty -e match:'arithmetic|expecting' vsh -c 'echo $((x++))'
	atf_check -s exit:0 -o inline:'status 2\n' -e match:'division by zero' vsh -c '(echo $((1/0))); echo "status $?"'
}

atf_test_case expanded_first
expanded_first_head() { atf_set descr 'the expression is expanded before it is evaluated'; }
expanded_first_body()
{
	atf_check -s exit:0 -o inline:'7\n' -e empty vsh -c 'op=+; echo $((3 $op 4))'
	atf_check -s exit:0 -o inline:'42\n' -e empty vsh -c 'echo $(( $(echo 6) * 7 ))'
	atf_check -s exit:0 -o inline:'6\n' -e empty vsh -c 'x=2; echo $(( $((x+1)) * 2 ))'
	atf_check -s exit:0 -o inline:'5 6\n' -e empty vsh -c 'x=5; echo "$((x))" "$(($x+1))"'
	atf_check -s exit:0 -o inline:' 2\n12\n' -e empty vsh -c 'IFS=1; echo $((11+1)); echo "$((11+1))"'
}

atf_init_test_cases()
{
	atf_add_test_case operators
	atf_add_test_case constants
	atf_add_test_case variables
	atf_add_test_case assignment
	atf_add_test_case short_circuit
	atf_add_test_case overflow
	atf_add_test_case errors
	atf_add_test_case expanded_first
}
