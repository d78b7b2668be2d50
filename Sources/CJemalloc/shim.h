// jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc for the
// whole growth process: linking it into the executable is all it takes.
#include <jemalloc/jemalloc.h>
