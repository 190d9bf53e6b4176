/* werving-json.c: hostile-input-safe JSON parsing and field mapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "werving-error.h"
#include "werving-json-private.h"

#define DEFAULT_MAX_CHARS 1000
#define DEFAULT_MAX_ITEMS 100
#define STRV_ITEM_MAX_CHARS 200

/* json-glib 1.6 parses recursively; refuse deep nesting before it sees it. */
static gboolean
check_depth (const char *data,
             gsize       length,
             GError    **error)
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

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > WERVING_JSON_MAX_DEPTH)
            {
              g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                           "JSON nested deeper than %d levels", WERVING_JSON_MAX_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

JsonNode *
werving_json_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length > WERVING_JSON_MAX_BYTES)
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                   "JSON document of %" G_GSIZE_FORMAT " bytes is too large", length);
      return NULL;
    }

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, WERVING_ERROR, WERVING_ERROR_PARSE, "Empty JSON document");
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                           "JSON document is not valid UTF-8");
      return NULL;
    }

  if (!check_depth (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                   "Malformed JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, WERVING_ERROR, WERVING_ERROR_PARSE, "Empty JSON document");
      return NULL;
    }

  return json_node_ref (root);
}

char *
werving_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Field mapping */

#define FIELD_PTR(base, field, type) ((type *) (gpointer) ((guint8 *) (base) + (field)->offset))

static gboolean
value_type_is (JsonNode *node,
               GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
is_date (const char *s)
{
  guint y, m, d;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;

  y = (guint) g_ascii_strtoull (s, NULL, 10);
  m = (guint) g_ascii_strtoull (s + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (s + 8, NULL, 10);

  return y >= 1 && m >= 1 && m <= 12 && d >= 1 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void
clear_field (const WervingJsonField *field,
             gpointer                base)
{
  switch (field->kind)
    {
    case WERVING_FIELD_STRING:
    case WERVING_FIELD_DATE:
      g_clear_pointer (FIELD_PTR (base, field, char *), g_free);
      break;
    case WERVING_FIELD_STRV:
      g_clear_pointer (FIELD_PTR (base, field, char **), g_strfreev);
      break;
    case WERVING_FIELD_DATE_TIME:
      g_clear_pointer (FIELD_PTR (base, field, GDateTime *), g_date_time_unref);
      break;
    case WERVING_FIELD_INT:
      *FIELD_PTR (base, field, gint64) = -1;
      break;
    case WERVING_FIELD_DOUBLE:
      *FIELD_PTR (base, field, double) = -1;
      break;
    case WERVING_FIELD_BOOLEAN:
      *FIELD_PTR (base, field, gboolean) = FALSE;
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
type_error (const WervingJsonField *field,
            const char             *expected,
            GError                **error)
{
  g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
               "Member “%s”: expected %s", field->path, expected);
  return FALSE;
}

static gboolean
parse_string (const WervingJsonField *field,
              JsonNode               *node,
              guint                   max,
              char                  **out,
              GError                **error)
{
  const char *s;

  if (!value_type_is (node, G_TYPE_STRING))
    return type_error (field, "a string", error);

  s = json_node_get_string (node);
  /* Bytes bound chars from above: only count when it could matter. */
  if (strlen (s) > max && g_utf8_strlen (s, -1) > (glong) max)
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                   "Member “%s”: string longer than %u characters", field->path, max);
      return FALSE;
    }

  *out = g_strdup (s);
  return TRUE;
}

static gboolean
parse_field (const WervingJsonField *field,
             gpointer                base,
             JsonNode               *node,
             GError                **error)
{
  guint max = field->max;

  switch (field->kind)
    {
    case WERVING_FIELD_STRING:
      return parse_string (field, node, max ? max : DEFAULT_MAX_CHARS,
                           FIELD_PTR (base, field, char *), error);

    case WERVING_FIELD_DATE:
      {
        g_autofree char *s = NULL;

        if (!parse_string (field, node, 10, &s, error))
          return FALSE;
        if (!is_date (s))
          return type_error (field, "a date YYYY-MM-DD", error);
        *FIELD_PTR (base, field, char *) = g_steal_pointer (&s);
        return TRUE;
      }

    case WERVING_FIELD_DATE_TIME:
      {
        g_autofree char *s = NULL;
        g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
        GDateTime *dt;

        if (!parse_string (field, node, 64, &s, error))
          return FALSE;
        dt = g_date_time_new_from_iso8601 (s, utc);
        if (dt == NULL)
          return type_error (field, "an RFC 3339 timestamp", error);
        *FIELD_PTR (base, field, GDateTime *) = dt;
        return TRUE;
      }

    case WERVING_FIELD_INT:
      if (!value_type_is (node, G_TYPE_INT64))
        return type_error (field, "an integer", error);
      *FIELD_PTR (base, field, gint64) = json_node_get_int (node);
      return TRUE;

    case WERVING_FIELD_DOUBLE:
      {
        double d;

        if (value_type_is (node, G_TYPE_INT64))
          d = (double) json_node_get_int (node);
        else if (value_type_is (node, G_TYPE_DOUBLE))
          d = json_node_get_double (node);
        else
          return type_error (field, "a number", error);
        if (!isfinite (d))
          return type_error (field, "a finite number", error);
        *FIELD_PTR (base, field, double) = d;
        return TRUE;
      }

    case WERVING_FIELD_BOOLEAN:
      if (!value_type_is (node, G_TYPE_BOOLEAN))
        return type_error (field, "true or false", error);
      *FIELD_PTR (base, field, gboolean) = json_node_get_boolean (node);
      return TRUE;

    case WERVING_FIELD_STRV:
      {
        g_autoptr(GStrvBuilder) builder = NULL;
        JsonArray *array;
        guint n;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return type_error (field, "an array of strings", error);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        if (n > (max ? max : DEFAULT_MAX_ITEMS))
          return type_error (field, "fewer array items", error);

        builder = g_strv_builder_new ();
        for (guint i = 0; i < n; i++)
          {
            g_autofree char *s = NULL;

            if (!parse_string (field, json_array_get_element (array, i),
                               STRV_ITEM_MAX_CHARS, &s, error))
              return FALSE;
            g_strv_builder_add (builder, s);
          }
        *FIELD_PTR (base, field, char **) = g_strv_builder_end (builder);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* Finds the member a field path names; *parent_missing is set when a nested
 * path's parent object is absent or null.
 */
static gboolean
lookup_member (JsonObject              *object,
               const WervingJsonField  *field,
               JsonNode               **member,
               GError                 **error)
{
  const char *dot = strchr (field->path, '.');

  *member = NULL;

  if (dot != NULL)
    {
      char parent_name[64];
      gsize len = (gsize) (dot - field->path);
      JsonNode *parent;

      g_assert (len < sizeof parent_name);
      memcpy (parent_name, field->path, len);
      parent_name[len] = '\0';

      parent = json_object_get_member (object, parent_name);
      if (parent == NULL || JSON_NODE_HOLDS_NULL (parent))
        return TRUE;
      if (!JSON_NODE_HOLDS_OBJECT (parent))
        {
          g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                       "Member “%s”: expected an object or null", parent_name);
          return FALSE;
        }
      object = json_node_get_object (parent);
      *member = json_object_get_member (object, dot + 1);
    }
  else
    {
      *member = json_object_get_member (object, field->path);
    }

  return TRUE;
}

gboolean
werving_json_fields_parse (const WervingJsonField *fields,
                           guint                   n_fields,
                           gpointer                base,
                           JsonNode               *node,
                           GError                **error)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, WERVING_ERROR, WERVING_ERROR_PARSE, "Expected a JSON object");
      return FALSE;
    }
  object = json_node_get_object (node);

  for (guint i = 0; i < n_fields; i++)
    {
      const WervingJsonField *field = &fields[i];
      JsonNode *member;

      clear_field (field, base);

      if (!lookup_member (object, field, &member, error))
        return FALSE;

      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        {
          if (field->flags & WERVING_FIELD_REQUIRED)
            {
              g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                           "Member “%s” is missing", field->path);
              return FALSE;
            }
          continue;
        }

      if (!parse_field (field, base, member, error))
        return FALSE;
    }

  return TRUE;
}

void
werving_json_fields_clear (const WervingJsonField *fields,
                           guint                   n_fields,
                           gpointer                base)
{
  for (guint i = 0; i < n_fields; i++)
    clear_field (&fields[i], base);
}

static gboolean
field_is_null (const WervingJsonField *field,
               gconstpointer           base)
{
  switch (field->kind)
    {
    case WERVING_FIELD_STRING:
    case WERVING_FIELD_DATE:
    case WERVING_FIELD_STRV:
    case WERVING_FIELD_DATE_TIME:
      return *FIELD_PTR (base, field, gpointer) == NULL;
    case WERVING_FIELD_INT:
      return *FIELD_PTR (base, field, gint64) < 0;
    case WERVING_FIELD_DOUBLE:
      return *FIELD_PTR (base, field, double) < 0;
    case WERVING_FIELD_BOOLEAN:
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

static void
write_field (const WervingJsonField *field,
             gconstpointer           base,
             JsonBuilder            *builder)
{
  const char *dot = strchr (field->path, '.');

  json_builder_set_member_name (builder, dot ? dot + 1 : field->path);

  if (field_is_null (field, base))
    {
      json_builder_add_null_value (builder);
      return;
    }

  switch (field->kind)
    {
    case WERVING_FIELD_STRING:
    case WERVING_FIELD_DATE:
      json_builder_add_string_value (builder, *FIELD_PTR (base, field, char *));
      break;
    case WERVING_FIELD_INT:
      json_builder_add_int_value (builder, *FIELD_PTR (base, field, gint64));
      break;
    case WERVING_FIELD_DOUBLE:
      {
        double d = *FIELD_PTR (base, field, double);

        /* Whole amounts go out as JSON integers, as the API shows them. */
        if (d == floor (d) && d < 9007199254740992.0)
          json_builder_add_int_value (builder, (gint64) d);
        else
          json_builder_add_double_value (builder, d);
      }
      break;
    case WERVING_FIELD_BOOLEAN:
      json_builder_add_boolean_value (builder, *FIELD_PTR (base, field, gboolean));
      break;
    case WERVING_FIELD_STRV:
      {
        char **strv = *FIELD_PTR (base, field, char **);

        json_builder_begin_array (builder);
        for (guint i = 0; strv[i] != NULL; i++)
          json_builder_add_string_value (builder, strv[i]);
        json_builder_end_array (builder);
      }
      break;
    case WERVING_FIELD_DATE_TIME:
      {
        g_autofree char *s = g_date_time_format_iso8601 (*FIELD_PTR (base, field, GDateTime *));

        json_builder_add_string_value (builder, s);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Writes the members of an object already begun on the builder. Nested fields
 * of one parent must be adjacent in the table; a parent whose members are all
 * null is written as null.
 */
void
werving_json_fields_write (const WervingJsonField *fields,
                           guint                   n_fields,
                           gconstpointer           base,
                           JsonBuilder            *builder,
                           gboolean                writable_only)
{
  guint i = 0;

  while (i < n_fields)
    {
      const WervingJsonField *field = &fields[i];
      const char *dot = strchr (field->path, '.');
      gsize plen;
      guint end;
      gboolean all_null = TRUE;

      if (writable_only && !(field->flags & WERVING_FIELD_WRITABLE))
        {
          i++;
          continue;
        }

      if (dot == NULL)
        {
          write_field (field, base, builder);
          i++;
          continue;
        }

      plen = (gsize) (dot - field->path) + 1;
      for (end = i; end < n_fields && strncmp (fields[end].path, field->path, plen) == 0; end++)
        all_null = all_null && field_is_null (&fields[end], base);

      {
        g_autofree char *parent = g_strndup (field->path, plen - 1);
        json_builder_set_member_name (builder, parent);
      }

      if (all_null)
        {
          json_builder_add_null_value (builder);
        }
      else
        {
          json_builder_begin_object (builder);
          for (guint j = i; j < end; j++)
            write_field (&fields[j], base, builder);
          json_builder_end_object (builder);
        }
      i = end;
    }
}

void
werving_json_fields_install (GObjectClass           *klass,
                             const WervingJsonField *fields,
                             guint                   n_fields,
                             guint                   first_prop_id,
                             GParamSpec            **pspecs)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const WervingJsonField *field = &fields[i];
      GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      if (field->flags & WERVING_FIELD_NO_PROPERTY)
        {
          pspecs[first_prop_id + i] = NULL;
          continue;
        }

      if (field->flags & WERVING_FIELD_WRITABLE)
        flags |= G_PARAM_WRITABLE;

      switch (field->kind)
        {
        case WERVING_FIELD_STRING:
        case WERVING_FIELD_DATE:
          pspec = g_param_spec_string (field->property, NULL, NULL, NULL, flags);
          break;
        case WERVING_FIELD_INT:
          pspec = g_param_spec_int64 (field->property, NULL, NULL, -1, G_MAXINT64, -1, flags);
          break;
        case WERVING_FIELD_DOUBLE:
          pspec = g_param_spec_double (field->property, NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
          break;
        case WERVING_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (field->property, NULL, NULL, FALSE, flags);
          break;
        case WERVING_FIELD_STRV:
          pspec = g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case WERVING_FIELD_DATE_TIME:
          pspec = g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_DATE_TIME, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      pspecs[first_prop_id + i] = pspec;
      g_object_class_install_property (klass, first_prop_id + i, pspec);
    }
}

gboolean
werving_json_fields_get_property (const WervingJsonField *fields,
                                  guint                   n_fields,
                                  gconstpointer           base,
                                  guint                   index,
                                  GValue                 *value)
{
  const WervingJsonField *field;

  if (index >= n_fields)
    return FALSE;
  field = &fields[index];

  switch (field->kind)
    {
    case WERVING_FIELD_STRING:
    case WERVING_FIELD_DATE:
      g_value_set_string (value, *FIELD_PTR (base, field, char *));
      break;
    case WERVING_FIELD_INT:
      g_value_set_int64 (value, *FIELD_PTR (base, field, gint64));
      break;
    case WERVING_FIELD_DOUBLE:
      g_value_set_double (value, *FIELD_PTR (base, field, double));
      break;
    case WERVING_FIELD_BOOLEAN:
      g_value_set_boolean (value, *FIELD_PTR (base, field, gboolean));
      break;
    case WERVING_FIELD_STRV:
    case WERVING_FIELD_DATE_TIME:
      g_value_set_boxed (value, *FIELD_PTR (base, field, gpointer));
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

gboolean
werving_json_fields_set_value (const WervingJsonField *field,
                               gpointer                base,
                               const GValue           *value)
{
  switch (field->kind)
    {
    case WERVING_FIELD_STRING:
    case WERVING_FIELD_DATE:
      {
        const char *s = g_value_get_string (value);
        char **slot = FIELD_PTR (base, field, char *);

        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        *slot = g_strdup (s);
        return TRUE;
      }
    case WERVING_FIELD_INT:
      {
        gint64 v = g_value_get_int64 (value);
        gint64 *slot = FIELD_PTR (base, field, gint64);

        if (*slot == v)
          return FALSE;
        *slot = v;
        return TRUE;
      }
    case WERVING_FIELD_DOUBLE:
      {
        double v = g_value_get_double (value);
        double *slot = FIELD_PTR (base, field, double);

        if (*slot == v)
          return FALSE;
        *slot = v;
        return TRUE;
      }
    case WERVING_FIELD_BOOLEAN:
      {
        gboolean v = g_value_get_boolean (value);
        gboolean *slot = FIELD_PTR (base, field, gboolean);

        if (*slot == v)
          return FALSE;
        *slot = v;
        return TRUE;
      }
    case WERVING_FIELD_STRV:
      {
        char **v = g_value_get_boxed (value);
        char ***slot = FIELD_PTR (base, field, char **);

        if (*slot == NULL && v == NULL)
          return FALSE;
        if (*slot != NULL && v != NULL && g_strv_equal ((const char * const *) *slot,
                                                        (const char * const *) v))
          return FALSE;
        g_strfreev (*slot);
        *slot = g_strdupv (v);
        return TRUE;
      }
    case WERVING_FIELD_DATE_TIME:
      {
        GDateTime *v = g_value_get_boxed (value);
        GDateTime **slot = FIELD_PTR (base, field, GDateTime *);

        if (*slot == v || (*slot != NULL && v != NULL && g_date_time_equal (*slot, v)))
          return FALSE;
        g_clear_pointer (slot, g_date_time_unref);
        *slot = v ? g_date_time_ref (v) : NULL;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}
