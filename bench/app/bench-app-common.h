/* bench-app-common.h: what the app benchmarks share
 *
 * A werving-portal child, waiting on the main loop, statistics and the
 * resident memory of a process. Benchmarks print figures; they are not tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define BENCH_DEMO_PASSWORD "werving-demo-1"
#define BENCH_ORGANISATION  "demo@werving.test"
#define BENCH_JOBSEEKER     "jobseeker@werving.test"

typedef struct
{
  GSubprocess *process;
  char        *dir;   /* the throw-away directory of a --demo database, or NULL */
  char        *url;   /* "http://127.0.0.1:PORT/" */
} BenchPortal;

/* Starts $WERVING_PORTAL (or @binary) on @db when given, else on a fresh
 * database with the demo data and @n_cvs synthetic CVs. Aborts on failure.
 */
void           bench_portal_start   (BenchPortal *portal,
                                     const char  *db,
                                     guint        n_cvs);
void           bench_portal_stop    (BenchPortal *portal);

typedef gboolean (*BenchPredicate) (gpointer data);
/* Iterates the default main context until @predicate holds; FALSE after
 * @timeout_ms.
 */
gboolean       bench_wait_for       (BenchPredicate predicate,
                                     gpointer       data,
                                     guint          timeout_ms);
/* Runs the main loop for @ms milliseconds. */
void           bench_spin           (guint          ms);

/* A client signed in to @url as @email (demo password). Aborts on failure. */
WervingClient *bench_sign_in        (const char    *url,
                                     const char    *email);

/* The resident set size of @pid (0: this process) in KiB, from VmRSS. */
gint64         bench_rss_kib        (GPid           pid);

/* Sorts @values (doubles) in place and returns the @q quantile (0..1),
 * nearest rank.
 */
double         bench_quantile       (GArray        *values,
                                     double         q);
double         bench_max            (GArray        *values);
guint          bench_count_over     (GArray        *values,
                                     double         limit);

/* The GSK renderer a realized native uses, for the report. */
const char    *bench_renderer_name  (gpointer       native);

G_END_DECLS
