/* werving-vacancy-cache.c: the organisation's own vacancy list kept on disk
 *
 * One file per account, next to nothing else: {"version": 1, "loaded_at":
 * ISO 8601, "vacancies": [{"id", "status", "fields": {writable members}}]}.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "werving-account-store.h"
#include "werving-vacancy-cache.h"

#define CACHE_VERSION 1
/* Far more than an organisation has; a bound against a damaged file. */
#define MAX_CACHE_BYTES (32 * 1024 * 1024)

char *
werving_vacancy_cache_get_path (const char *portal,
                                const char *email)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (portal != NULL && email != NULL, NULL);

  dir = werving_account_get_cache_dir (portal, email);
  return g_build_filename (dir, "vacancies.json", NULL);
}

gboolean
werving_vacancy_cache_save (const char  *path,
                            GListModel  *vacancies,
                            GDateTime   *loaded_at,
                            GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (vacancies), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  if (loaded_at != NULL)
    {
      when = g_date_time_format_iso8601 (loaded_at);
      json_builder_set_member_name (builder, "loaded_at");
      json_builder_add_string_value (builder, when);
    }
  json_builder_set_member_name (builder, "vacancies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (vacancies); i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (vacancies, i);

      if (werving_vacancy_get_id (vacancy) <= 0)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, werving_vacancy_get_id (vacancy));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, werving_vacancy_get_status (vacancy));
      json_builder_set_member_name (builder, "fields");
      json_builder_add_value (builder, werving_vacancy_to_json (vacancy));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot create %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static WervingVacancy *
parse_entry (JsonNode *node)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) vacancy = json_node_new (JSON_NODE_OBJECT);
  JsonObject *entry;
  JsonNode *fields;
  JsonNode *id;
  JsonNode *status;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  entry = json_node_get_object (node);
  id = json_object_get_member (entry, "id");
  status = json_object_get_member (entry, "status");
  fields = json_object_get_member (entry, "fields");
  if (id == NULL || status == NULL || fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return NULL;

  members = json_object_get_members (json_node_get_object (fields));
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data,
                            json_node_copy (json_object_get_member (json_node_get_object (fields), l->data)));
  json_object_set_member (object, "id", json_node_copy (id));
  json_object_set_member (object, "status", json_node_copy (status));
  json_node_set_object (vacancy, object);
  /* The parser checks every member's type and size, as for the portal's. */
  return werving_vacancy_new_from_json (vacancy, NULL);
}

GListStore *
werving_vacancy_cache_load (const char  *path,
                            GDateTime  **loaded_at,
                            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListStore) store = NULL;
  JsonObject *root;
  JsonNode *array;
  const char *when;

  g_return_val_if_fail (path != NULL, NULL);

  if (loaded_at != NULL)
    *loaded_at = NULL;
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length > MAX_CACHE_BYTES || !json_parser_load_from_data (parser, data, (gssize) length, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "The vacancy cache is too large");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto bad;
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "version", 0) != CACHE_VERSION)
    goto bad;
  array = json_object_get_member (root, "vacancies");
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    goto bad;

  store = g_list_store_new (WERVING_TYPE_VACANCY);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (array)); i++)
    {
      g_autoptr(WervingVacancy) vacancy = parse_entry (json_array_get_element (json_node_get_array (array), i));

      if (vacancy != NULL)
        g_list_store_append (store, vacancy);
    }

  when = json_object_get_string_member_with_default (root, "loaded_at", NULL);
  if (loaded_at != NULL && when != NULL)
    *loaded_at = g_date_time_new_from_iso8601 (when, NULL);
  return g_steal_pointer (&store);

bad:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "Not a vacancy cache: %s", path);
  return NULL;
}

void
werving_vacancy_cache_wipe (const char *portal,
                            const char *email)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_if_fail (portal != NULL && email != NULL);

  path = werving_vacancy_cache_get_path (portal, email);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the cached vacancies %s: %s", path, g_strerror (errno));
  dir = g_path_get_dirname (path);
  if (g_rmdir (dir) != 0 && errno != ENOENT)
    g_warning ("Could not remove %s: %s", dir, g_strerror (errno));
}
