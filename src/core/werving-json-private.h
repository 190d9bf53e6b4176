/* werving-json-private.h: hostile-input-safe JSON parsing and the table-driven
 * mapping between JSON members and the fields of the domain objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The largest body the client accepts from the network and the deepest
 * nesting it hands to JsonParser (json-glib 1.6 recurses per level and
 * overflows the stack at about 100,000 '[').
 */
#define WERVING_JSON_MAX_BYTES (8 * 1024 * 1024)
#define WERVING_JSON_MAX_DEPTH 64

JsonNode *werving_json_parse (const char  *data,
                              gsize        length,
                              GError     **error);
char     *werving_json_to_string (JsonNode *node);

typedef enum
{
  WERVING_FIELD_STRING,
  WERVING_FIELD_INT,        /* gint64; -1 when null or absent */
  WERVING_FIELD_DOUBLE,     /* double; -1 when null or absent */
  WERVING_FIELD_BOOLEAN,
  WERVING_FIELD_STRV,       /* array of strings */
  WERVING_FIELD_DATE_TIME,  /* RFC 3339 timestamp -> GDateTime */
  WERVING_FIELD_DATE,       /* YYYY-MM-DD kept as a string */
} WervingFieldKind;

typedef enum
{
  WERVING_FIELD_OPTIONAL    = 0,
  WERVING_FIELD_REQUIRED    = 1 << 0, /* missing or null is an error */
  WERVING_FIELD_WRITABLE    = 1 << 1, /* settable property, written by to_json */
  WERVING_FIELD_NO_PROPERTY = 1 << 2, /* secret or internal: no GObject property */
} WervingFieldFlags;

/* One member of a JSON object. `path` is the member name, or "parent.member"
 * for one level of nesting (the parent object may be null unless required).
 */
typedef struct
{
  const char        *property;
  const char        *path;
  WervingFieldKind   kind;
  gsize              offset;
  WervingFieldFlags  flags;
  guint              max;     /* chars for strings, items for string arrays */
} WervingJsonField;

gboolean werving_json_fields_parse  (const WervingJsonField *fields,
                                     guint                   n_fields,
                                     gpointer                base,
                                     JsonNode               *node,
                                     GError                **error);
void     werving_json_fields_clear  (const WervingJsonField *fields,
                                     guint                   n_fields,
                                     gpointer                base);
void     werving_json_fields_write  (const WervingJsonField *fields,
                                     guint                   n_fields,
                                     gconstpointer           base,
                                     JsonBuilder            *builder,
                                     gboolean                writable_only);

/* Installs one GParamSpec per field (prop ids first_prop_id + index), filling
 * pspecs[first_prop_id + index]; fields without a property get NULL.
 */
void     werving_json_fields_install (GObjectClass           *klass,
                                      const WervingJsonField *fields,
                                      guint                   n_fields,
                                      guint                   first_prop_id,
                                      GParamSpec            **pspecs);
gboolean werving_json_fields_get_property (const WervingJsonField *fields,
                                           guint                   n_fields,
                                           gconstpointer           base,
                                           guint                   index,
                                           GValue                 *value);
/* Sets a writable field from a GValue; returns TRUE if the value changed. */
gboolean werving_json_fields_set_value (const WervingJsonField *field,
                                        gpointer                base,
                                        const GValue           *value);

G_END_DECLS
