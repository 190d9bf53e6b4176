/* werving-test-portal.h: a real werving-portal for the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "werving-core.h"

G_BEGIN_DECLS

typedef struct
{
  GSubprocess *process;
  char        *dir;       /* temporary directory holding the database */
  char        *db;
  char        *url;       /* http://127.0.0.1:PORT/ */
  guint        port;
  GStrv        args;      /* extra arguments, kept for restarts */
} WervingTestPortal;

/* Starts `$WERVING_PORTAL --port 0 --db TMP --demo --cvs 500 ARGS...` and
 * waits for its "listening on" line; NULL (and the test skipped) when
 * WERVING_PORTAL is not set.
 */
WervingTestPortal *werving_test_portal_start   (const char * const *args);
void               werving_test_portal_kill    (WervingTestPortal  *portal);
/* Starts it again on the same database and port. */
void               werving_test_portal_restart (WervingTestPortal  *portal);
void               werving_test_portal_free    (WervingTestPortal  *portal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WervingTestPortal, werving_test_portal_free)

/* Iterates the main context until *result is set. */
void               werving_test_wait           (GAsyncResult      **result);
/* Callback storing the GAsyncResult (a ref) into user_data (GAsyncResult **). */
void               werving_test_store_result   (GObject            *source,
                                                GAsyncResult       *result,
                                                gpointer            user_data);
/* Iterates the main context for @ms milliseconds. */
void               werving_test_sleep          (guint               ms);
/* Iterates until *flag is TRUE or @timeout_ms passed; returns *flag. */
gboolean           werving_test_wait_for       (gboolean           *flag,
                                                guint               timeout_ms);

/* A client signed in as @email (password "werving-demo-1"). */
WervingClient     *werving_test_client_new     (WervingTestPortal  *portal,
                                                const char         *email);

#define WERVING_TEST_DEMO_ORG       "demo@werving.test"
#define WERVING_TEST_PENDING_ORG    "pending@werving.test"
#define WERVING_TEST_JOBSEEKER      "jobseeker@werving.test"
#define WERVING_TEST_DEMO_PASSWORD  "werving-demo-1"

G_END_DECLS

/* Runs werving_client_FN_async (CLIENT, ARGS..., NULL, ...) to completion and
 * returns what _finish returns; ERROR is a GError **.
 */
#define WERVING_TEST_CALL(client, error, fn, ...) \
  ({ \
    g_autoptr(GAsyncResult) result_ = NULL; \
    werving_client_##fn##_async ((client), ##__VA_ARGS__, NULL, werving_test_store_result, &result_); \
    werving_test_wait (&result_); \
    werving_client_##fn##_finish ((client), result_, (error)); \
  })
