/* portal-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "portal-error.h"
#include "portal-json.h"

/* json-glib's parser is lenient (single quotes, bad escapes) and recurses
 * once per nesting level, so a body is first checked against the strict
 * RFC 8259 grammar here, with a small nesting limit. */
#define MAX_DEPTH 32

typedef struct
{
  const char *p;
  const char *end;
} Scanner;

static gboolean scan_value (Scanner *s, guint depth);

static void
skip_ws (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return FALSE;
  s->p += len;
  return TRUE;
}

static gboolean
scan_hex4 (Scanner *s,
           guint   *unit)
{
  *unit = 0;
  for (guint i = 0; i < 4; i++, s->p++)
    {
      if (s->p >= s->end || !g_ascii_isxdigit (*s->p))
        return FALSE;
      *unit = (*unit << 4) | (guint) g_ascii_xdigit_value (*s->p);
    }
  return TRUE;
}

static gboolean
scan_string (Scanner *s)
{
  if (s->p >= s->end || *s->p != '"')
    return FALSE;
  s->p++;
  while (s->p < s->end)
    {
      guchar c = (guchar) *s->p++;

      if (c == '"')
        return TRUE;
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        continue;
      if (s->p >= s->end)
        return FALSE;
      c = (guchar) *s->p++;
      if (c == 'u')
        {
          guint unit;

          /* A surrogate must come as a high + low pair: json-glib 1.6
           * turns a lone one into invalid UTF-8 in the parsed string. */
          if (!scan_hex4 (s, &unit) || (unit >= 0xdc00 && unit <= 0xdfff))
            return FALSE;
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
                return FALSE;
              s->p += 2;
              if (!scan_hex4 (s, &unit) || unit < 0xdc00 || unit > 0xdfff)
                return FALSE;
            }
        }
      else if (strchr ("\"\\/bfnrt", c) == NULL || c == '\0')
        return FALSE;
    }
  return FALSE;
}

static gboolean
scan_digits (Scanner *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return s->p > start;
}

static gboolean
scan_number (Scanner *s)
{
  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!scan_digits (s))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (!scan_digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_container (Scanner *s,
                guint    depth,
                gboolean object)
{
  char close = object ? '}' : ']';

  if (depth >= MAX_DEPTH)
    return FALSE;
  s->p++;
  skip_ws (s);
  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      if (object)
        {
          if (!scan_string (s))
            return FALSE;
          skip_ws (s);
          if (s->p >= s->end || *s->p++ != ':')
            return FALSE;
        }
      if (!scan_value (s, depth + 1))
        return FALSE;
      skip_ws (s);
      if (s->p >= s->end)
        return FALSE;
      if (*s->p == ',')
        {
          s->p++;
          skip_ws (s);
          continue;
        }
      if (*s->p++ == close)
        return TRUE;
      return FALSE;
    }
}

static gboolean
scan_value (Scanner *s,
            guint    depth)
{
  skip_ws (s);
  if (s->p >= s->end)
    return FALSE;
  switch (*s->p)
    {
    case '{':
      return scan_container (s, depth, TRUE);
    case '[':
      return scan_container (s, depth, FALSE);
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      return scan_number (s);
    }
}

static gboolean
strict_json (const char *data,
             gsize       length)
{
  Scanner s = { data, data + length };

  if (!scan_value (&s, 0))
    return FALSE;
  skip_ws (&s);
  return s.p == s.end;
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
  if (!strict_json (data, length))
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_BAD_REQUEST,
                   "The request body is not valid JSON (or nested more than %d deep)", MAX_DEPTH);
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
