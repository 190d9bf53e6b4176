/* werving-message.c: one message in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-json-private.h"
#include "werving-message.h"

struct _WervingMessage
{
  GObject    parent_instance;

  gint64     id;
  gint64     thread_id;
  char      *sender;
  char      *body;
  GDateTime *created_at;
};

G_DEFINE_FINAL_TYPE (WervingMessage, werving_message, G_TYPE_OBJECT)

static const WervingJsonField fields[] = {
  { "id", "id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingMessage, id), WERVING_FIELD_REQUIRED, 0 },
  { "thread-id", "thread_id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingMessage, thread_id), WERVING_FIELD_REQUIRED, 0 },
  { "sender", "sender", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingMessage, sender), WERVING_FIELD_REQUIRED, 32 },
  { "body", "body", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingMessage, body), WERVING_FIELD_REQUIRED, 10000 },
  { "created-at", "created_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingMessage, created_at), 0, 0 },
};

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

static void
werving_message_finalize (GObject *object)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), object);

  G_OBJECT_CLASS (werving_message_parent_class)->finalize (object);
}

static void
werving_message_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_message_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (werving_json_fields_set_value (&fields[prop_id - 1], object, value))
    g_object_notify_by_pspec (object, pspec);
}

static void
werving_message_class_init (WervingMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_message_finalize;
  object_class->get_property = werving_message_get_property;
  object_class->set_property = werving_message_set_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_message_init (WervingMessage *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

WervingMessage *
werving_message_new (void)
{
  return g_object_new (WERVING_TYPE_MESSAGE, NULL);
}

/**
 * werving_message_new_from_json:
 *
 * Parses one Message object. Never trusts @node: a missing required member, a
 * wrong type or an oversized value gives a WERVING_ERROR_PARSE error.
 *
 * Returns: (transfer full) (nullable): the new object, or NULL on error
 */
WervingMessage *
werving_message_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(WervingMessage) self = werving_message_new ();

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
werving_message_get_id (WervingMessage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGE (self), -1);

  return self->id;
}

gint64
werving_message_get_thread_id (WervingMessage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGE (self), -1);

  return self->thread_id;
}

const char *
werving_message_get_sender (WervingMessage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGE (self), NULL);

  return self->sender;
}

const char *
werving_message_get_body (WervingMessage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGE (self), NULL);

  return self->body;
}

GDateTime *
werving_message_get_created_at (WervingMessage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGE (self), NULL);

  return self->created_at;
}
