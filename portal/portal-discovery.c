/* portal-discovery.c: tells apps on this computer where the demo portal runs
 *
 * The file lives in the user's runtime folder, which only the user can read
 * and which the session empties at log-out. A portal that is killed leaves
 * it behind; readers therefore check that the portal answers before they
 * trust it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "portal-discovery.h"

char *
portal_discovery_get_path (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "werving", "demo-portal", NULL);
}

gboolean
portal_discovery_publish (const char  *uri,
                          GError     **error)
{
  g_autofree char *path = portal_discovery_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *line = g_strconcat (uri, "\n", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot create %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, line, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
portal_discovery_withdraw (const char *uri)
{
  g_autofree char *path = portal_discovery_get_path ();
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;
  if (g_strcmp0 (g_strstrip (contents), uri) == 0)
    g_unlink (path);
}
