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
#define DRAFT_FORMAT    1

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

static JsonObject *
copy_object (JsonObject *source)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (source);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (source, l->data)));
  return copy;
}

static WervingVacancy *
vacancy_from_object (JsonObject *source,
                     gint64      id,
                     const char *status)
{
  g_autoptr(JsonObject) object = copy_object (source);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "id", MAX (id, 0));
  if (status != NULL)
    json_object_set_string_member (object, "status", status);
  json_node_set_object (node, object);
  return werving_vacancy_new_from_json (node, NULL);
}

WervingVacancy *
werving_drafts_copy_vacancy (WervingVacancy *vacancy,
                             gint64          id,
                             const char     *status)
{
  g_autoptr(JsonNode) writable = NULL;

  g_return_val_if_fail (WERVING_IS_VACANCY (vacancy), NULL);

  writable = werving_vacancy_to_json (vacancy);
  return vacancy_from_object (json_node_get_object (writable), id, status);
}

JsonNode *
werving_drafts_build (WervingVacancy *form,
                      gint64          vacancy_id,
                      const char     *new_uuid,
                      const char     *occupation_text,
                      const char     *skill_text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (WERVING_IS_VACANCY (form), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, DRAFT_FORMAT);
  json_builder_set_member_name (builder, "vacancy_id");
  if (vacancy_id > 0)
    json_builder_add_int_value (builder, vacancy_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "new_uuid");
  json_builder_add_string_value (builder, new_uuid);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "occupation_text");
  json_builder_add_string_value (builder, occupation_text ? occupation_text : "");
  json_builder_set_member_name (builder, "skill_text");
  json_builder_add_string_value (builder, skill_text ? skill_text : "");
  json_builder_set_member_name (builder, "vacancy");
  json_builder_add_value (builder, werving_vacancy_to_json (form));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
werving_drafts_parse (JsonNode        *root,
                      WervingVacancy **form,
                      char           **new_uuid,
                      GDateTime      **saved_at,
                      char           **occupation_text,
                      char           **skill_text)
{
  JsonObject *object;
  JsonNode *vacancy_node;
  g_autoptr(WervingVacancy) vacancy = NULL;
  const char *uuid;

  g_return_val_if_fail (root != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  vacancy_node = json_object_get_member (object, "vacancy");
  if (vacancy_node == NULL || !JSON_NODE_HOLDS_OBJECT (vacancy_node) ||
      json_object_get_int_member_with_default (object, "format", 0) != DRAFT_FORMAT)
    return FALSE;

  vacancy = vacancy_from_object (json_node_get_object (vacancy_node), 0, NULL);
  if (vacancy == NULL)
    return FALSE;

  uuid = json_object_get_string_member_with_default (object, "new_uuid", NULL);
  *form = g_steal_pointer (&vacancy);
  *new_uuid = uuid != NULL && g_uuid_string_is_valid (uuid) ? g_strdup (uuid) : NULL;
  *saved_at = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "saved_at", ""), NULL);
  *occupation_text = g_strdup (json_object_get_string_member_with_default (object, "occupation_text", ""));
  *skill_text = g_strdup (json_object_get_string_member_with_default (object, "skill_text", ""));
  return TRUE;
}
