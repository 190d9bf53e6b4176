/* werving-demo-portal.h: finds a demo werving-portal running on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long the health check may take before the portal counts as absent. */
#define WERVING_DEMO_PORTAL_TIMEOUT 2

/* g_get_user_runtime_dir ()/werving/demo-portal, written by
 * `werving-portal --demo` while it runs. */
char *werving_demo_portal_get_path       (void);

/* Reads the discovery file and asks the portal it names for GET /v1/health.
 * Finishes with the portal's URL only if a loopback portal answered "ok";
 * with NULL and no error when there is no file or the portal is gone.
 */
void  werving_demo_portal_discover_async  (GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char *werving_demo_portal_discover_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
