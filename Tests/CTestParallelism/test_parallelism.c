// At most JOBTWIN_TEST_PARALLELISM tests at once, unless the developer sets the width.
//
// Swift Testing starts every test of the run at once by default. Our tests start servers,
// child processes and SQLite files, so on a machine of two cores all 700 of them in flight
// held two thousand descriptors and starved each other past their own timeouts (a webhook
// receiver that took more than 5 s to accept a connection). Sixteen at a time takes the same
// wall time and keeps the run's descriptors in the hundreds.
//
// The width is an environment variable that Swift Testing reads when the run starts, after the
// constructors of the test binary have run; so a plain `swift test` gets it from here.
#include "test_parallelism.h"

#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor))
static void jobtwin_limit_test_parallelism(void) {
    char width[16];
    snprintf(width, sizeof width, "%d", JOBTWIN_TEST_PARALLELISM);
    // 0: a width the developer set wins.
    setenv("SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH", width, 0);
}
