/* portal-discovery.h: tells apps on this computer where the demo portal runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $XDG_RUNTIME_DIR/werving/demo-portal: one line, the portal's URL. The app's
 * welcome page reads it (and checks /v1/health before offering it). */
char     *portal_discovery_get_path (void);
/* Writes @uri there (mode 0600, folder 0700). */
gboolean  portal_discovery_publish  (const char  *uri,
                                     GError     **error);
/* Removes the file if it still names @uri: another demo portal may have
 * written it since. */
void      portal_discovery_withdraw (const char  *uri);

G_END_DECLS
