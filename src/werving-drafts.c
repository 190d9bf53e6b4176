/* werving-drafts.c: vacancy drafts kept on disk while they are being edited
 *
 * What is written here is only the user's own writing (R9), mode 0600.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "werving-drafts.h"

/* A draft is a few KiB; anything much larger was not written by us. */
#define MAX_DRAFT_BYTES (1024 * 1024)

char *
werving_drafts_get_dir (const char *portal,
                        const char *email)
{
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (portal != NULL, NULL);
  g_return_val_if_fail (email != NULL, NULL);

  key = g_strconcat (portal, "\n", email, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  return g_build_filename (g_get_user_data_dir (), "werving", "drafts", hash, NULL);
}

char *
werving_drafts_get_path (const char *dir,
                         gint64      vacancy_id,
                         const char *new_uuid)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if (vacancy_id > 0)
    name = g_strdup_printf ("%" G_GINT64_FORMAT ".json", vacancy_id);
  else
    name = g_strdup_printf ("new-%s.json", new_uuid);
  return g_build_filename (dir, name, NULL);
}

char *
werving_drafts_find_newest_new (const char *dir)
{
  g_autoptr(GDir) folder = NULL;
  g_autofree char *newest = NULL;
  gint64 newest_time = G_MININT64;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  folder = g_dir_open (dir, 0, NULL);
  if (folder == NULL)
    return NULL;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, "new-") || !g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if ((gint64) st.st_mtime > newest_time)
        {
          newest_time = st.st_mtime;
          g_free (newest);
          newest = g_steal_pointer (&path);
        }
    }

  return g_steal_pointer (&newest);
}

gboolean
werving_drafts_write (const char  *path,
                      JsonNode    *node,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);
  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

JsonNode *
werving_drafts_read (const char  *path,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length > MAX_DRAFT_BYTES)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: too large for a draft", path);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: not a draft", path);
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

gboolean
werving_drafts_wipe (const char  *dir,
                     GError     **error)
{
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, FALSE);

  folder = g_dir_open (dir, 0, &local_error);
  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_remove (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  if (g_rmdir (dir) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
