/* Arithmetic expansion $((...)), XCU 2.6.4: signed long, C operators. */
#ifndef VSH_ARITH_H
#define VSH_ARITH_H

/* Evaluate an already-expanded expression; errors print "vsh: arithmetic: ..." and raise. */
long arith_evaluate(const char *expression);

#endif
