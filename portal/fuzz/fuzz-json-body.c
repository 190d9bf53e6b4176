/* fuzz-json-body.c: libFuzzer target for request bodies
 *
 * Feeds arbitrary bytes to portal_json_parse_object() (the strict RFC 8259
 * check with its nesting limit, then json-glib), and reads the object the
 * way the routes do: the typed member readers on every member and on the
 * members the routes ask for, dates and cursors on every string. An input
 * is either refused as PORTAL_ERROR_BAD_REQUEST or yields an object whose
 * json-glib serialisation the strict check accepts again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "portal-error.h"
#include "portal-json.h"

/* Members the routes read from bodies. */
static const char * const route_members[] = {
  "kvk", "name", "kind", "contact_name", "email", "phone", "password", "refresh_token",
  "title", "description", "occupation", "place", "postcode", "hours_min", "hours_max",
  "contract_type", "education_level", "salary", "skills", "start_date", "closing_date",
  "vacancy_id", "cv_id", "body", "visibility", "code", "label", "min", "max", "period",
};

static gboolean
has_double (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (has_double (member))
          return TRUE;
      return FALSE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (has_double (json_array_get_element (array, i)))
          return TRUE;
      return FALSE;
    }
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE;
}

static void
read_member (JsonObject *object,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  gboolean present = FALSE, is_null = FALSE;
  const char *text = NULL;
  gint64 number = 0;
  g_autoptr(JsonArray) field_errors = json_array_new ();

  if (portal_json_get_string (object, name, &present, &is_null, &text, &error))
    {
      g_assert (error == NULL);
      if (text != NULL)
        {
          gint64 a, b;
          g_autoptr(GError) cursor_error = NULL;

          g_assert (g_utf8_validate (text, -1, NULL));
          (void) portal_is_valid_date (text);
          if (strlen (text) <= 512 && !portal_cursor_decode (text, &a, &b, &cursor_error))
            g_assert (g_error_matches (cursor_error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST));
        }
    }
  else
    g_assert (g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST));
  g_clear_error (&error);

  if (!portal_json_get_int (object, name, &present, &is_null, &number, &error))
    g_assert (g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST));
  g_clear_error (&error);

  /* Without is_null a null is a wrong type, never a crash. */
  if (!portal_json_get_string (object, name, NULL, NULL, &text, &error))
    g_assert (g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST));
  g_clear_error (&error);

  (void) portal_json_require_string (object, name, field_errors, &error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  object = portal_json_parse_object ((const char *) data, size, &error);
  if (object == NULL)
    {
      g_assert (g_error_matches (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST));
      return 0;
    }
  g_assert (error == NULL);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      read_member (object, name);
      if (JSON_NODE_HOLDS_OBJECT (member))
        {
          JsonObject *inner = json_node_get_object (member);

          for (guint i = 0; i < G_N_ELEMENTS (route_members); i++)
            read_member (inner, route_members[i]);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (route_members); i++)
    read_member (object, route_members[i]);

  /* What json-glib writes back must pass the strict check again (answers
   * echo request values). Doubles are left out: json-glib 1.6 writes
   * infinity and exponent forms as invalid JSON; the routes bound them. */
  root = json_node_init_object (json_node_alloc (), object);
  if (!has_double (root))
    {
      g_autoptr(JsonObject) again = NULL;
      gsize length;

      text = json_to_string (root, FALSE);
      length = strlen (text);
      again = portal_json_parse_object (text, length, &error);
      if (again == NULL)
        g_error ("json-glib's own output was refused: %s: %s", error->message, text);
    }
  return 0;
}
