/* portal-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "portal-error.h"
#include "portal-json.h"

/* json-glib recurses once per nesting level; a body of 64 KiB of '[' would
 * overflow the stack, so deep documents are refused before parsing. */
#define MAX_DEPTH 32

static gboolean
nesting_ok (const char *data,
            gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

JsonObject *
portal_json_parse_object (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST,
                   "The request body must be a JSON object");
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST,
                   "The request body is not valid UTF-8");
      return NULL;
    }
  if (!nesting_ok (data, length))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST,
                   "The request body is nested too deeply");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST,
                   "The request body is not valid JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST,
                   "The request body must be a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static gboolean
wrong_type (const char  *name,
            const char  *expected,
            GError     **error)
{
  g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST,
               "Member “%s” must be %s", name, expected);
  return FALSE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name,
            gboolean   *present,
            gboolean   *is_null,
            gboolean   *null_ok)
{
  JsonNode *node = json_object_get_member (object, name);

  if (present != NULL)
    *present = node != NULL;
  if (is_null != NULL)
    *is_null = FALSE;
  *null_ok = FALSE;
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      if (is_null != NULL)
        {
          *is_null = TRUE;
          *null_ok = TRUE;
        }
      return NULL;
    }
  return node;
}

gboolean
portal_json_get_string (JsonObject  *object,
                        const char  *name,
                        gboolean    *present,
                        gboolean    *is_null,
                        const char **out,
                        GError     **error)
{
  gboolean null_ok;
  JsonNode *node = get_member (object, name, present, is_null, &null_ok);

  *out = NULL;
  if (node == NULL)
    {
      if (json_object_has_member (object, name) && !null_ok)
        return wrong_type (name, "a string", error);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (name, "a string", error);
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
portal_json_get_int (JsonObject  *object,
                     const char  *name,
                     gboolean    *present,
                     gboolean    *is_null,
                     gint64      *out,
                     GError     **error)
{
  gboolean null_ok;
  JsonNode *node = get_member (object, name, present, is_null, &null_ok);

  *out = 0;
  if (node == NULL)
    {
      if (json_object_has_member (object, name) && !null_ok)
        return wrong_type (name, "an integer", error);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (name, "an integer", error);
  *out = json_node_get_int (node);
  return TRUE;
}

const char *
portal_json_require_string (JsonObject  *object,
                            const char  *name,
                            JsonArray   *field_errors,
                            GError     **error)
{
  gboolean present, is_null;
  const char *value;

  if (!portal_json_get_string (object, name, &present, &is_null, &value, error))
    return NULL;
  if (value == NULL)
    portal_field_errors_add (field_errors, name, "required", "This field is required");
  return value;
}

char *
portal_format_timestamp (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

void
portal_json_set_timestamp (JsonObject *object,
                           const char *name,
                           gint64      unix_seconds)
{
  g_autofree char *text = NULL;

  if (unix_seconds > 0)
    text = portal_format_timestamp (unix_seconds);
  if (text != NULL)
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

gint64
portal_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
portal_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gint64
portal_seconds_until_midnight (void)
{
  gint64 now = portal_now ();

  return 86400 - (now % 86400);
}

gboolean
portal_is_valid_date (const char *text)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

char *
portal_cursor_encode (gint64 a,
                      gint64 b)
{
  g_autofree char *plain = g_strdup_printf ("c1:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, b);
  char *encoded = g_base64_encode ((const guchar *) plain, strlen (plain));

  /* URL-safe, so clients can paste it into a query without escaping. */
  for (char *p = encoded; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        *p = '\0';
    }
  return encoded;
}

gboolean
portal_cursor_decode (const char  *cursor,
                      gint64      *a,
                      gint64      *b,
                      GError     **error)
{
  g_autofree char *padded = NULL;
  g_autofree guchar *plain = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  gsize len = strlen (cursor), out_len = 0;

  if (len == 0 || len > 128)
    goto bad;
  padded = g_malloc0 (len + 4);
  for (gsize i = 0; i < len; i++)
    {
      char c = cursor[i];

      if (c == '-')
        c = '+';
      else if (c == '_')
        c = '/';
      else if (!g_ascii_isalnum (c))
        goto bad;
      padded[i] = c;
    }
  while (len % 4 != 0)
    padded[len++] = '=';
  plain = g_base64_decode (padded, &out_len);
  text = g_strndup ((const char *) plain, out_len);
  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 3 || g_strcmp0 (parts[0], "c1") != 0 ||
      !g_ascii_string_to_signed (parts[1], 10, G_MININT64, G_MAXINT64, a, NULL) ||
      !g_ascii_string_to_signed (parts[2], 10, G_MININT64, G_MAXINT64, b, NULL))
    goto bad;
  return TRUE;

bad:
  g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST, "The cursor is not valid");
  return FALSE;
}

JsonObject *
portal_json_list_new (JsonArray  *items,
                      const char *next_cursor,
                      gint64      total)
{
  JsonObject *list = json_object_new ();

  json_object_set_array_member (list, "items", json_array_ref (items));
  if (next_cursor != NULL)
    json_object_set_string_member (list, "next_cursor", next_cursor);
  else
    json_object_set_null_member (list, "next_cursor");
  json_object_set_int_member (list, "total", total);
  json_object_set_boolean_member (list, "total_is_estimate", FALSE);
  return list;
}
