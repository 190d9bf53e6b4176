/* werving-thread.c: a conversation with one candidate about one vacancy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-json-private.h"
#include "werving-thread.h"

struct _WervingThread
{
  GObject    parent_instance;

  gint64     id;
  gint64     vacancy_id;
  char      *vacancy_title;
  gint64     cv_id;
  char      *candidate_label;
  gint64     unread_count;
  GDateTime *last_message_at;
  char      *last_message_preview;
  gboolean   read_only;
  char      *revealed_name;
  char      *revealed_email;
  char      *revealed_phone;
  GDateTime *created_at;
};

G_DEFINE_FINAL_TYPE (WervingThread, werving_thread, G_TYPE_OBJECT)

static const WervingJsonField fields[] = {
  { "id", "id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingThread, id), WERVING_FIELD_REQUIRED, 0 },
  { "vacancy-id", "vacancy_id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingThread, vacancy_id), 0, 0 },
  { "vacancy-title", "vacancy_title", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingThread, vacancy_title), 0, 200 },
  { "cv-id", "cv_id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingThread, cv_id), 0, 0 },
  { "candidate-label", "candidate_label", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingThread, candidate_label), 0, 200 },
  { "unread-count", "unread_count", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingThread, unread_count), 0, 0 },
  { "last-message-at", "last_message_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingThread, last_message_at), 0, 0 },
  { "last-message-preview", "last_message_preview", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingThread, last_message_preview), 0, 1000 },
  { "read-only", "read_only", WERVING_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (WervingThread, read_only), 0, 0 },
  { "revealed-name", "revealed_contact.name", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingThread, revealed_name), 0, 200 },
  { "revealed-email", "revealed_contact.email", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingThread, revealed_email), 0, 320 },
  { "revealed-phone", "revealed_contact.phone", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingThread, revealed_phone), 0, 64 },
  { "created-at", "created_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingThread, created_at), 0, 0 },
};

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

static void
werving_thread_finalize (GObject *object)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), object);

  G_OBJECT_CLASS (werving_thread_parent_class)->finalize (object);
}

static void
werving_thread_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_thread_set_property (GObject      *object,
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
werving_thread_class_init (WervingThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_thread_finalize;
  object_class->get_property = werving_thread_get_property;
  object_class->set_property = werving_thread_set_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_thread_init (WervingThread *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

WervingThread *
werving_thread_new (void)
{
  return g_object_new (WERVING_TYPE_THREAD, NULL);
}

/**
 * werving_thread_new_from_json:
 *
 * Parses one Thread object. Never trusts @node: a missing required member, a
 * wrong type or an oversized value gives a WERVING_ERROR_PARSE error.
 *
 * Returns: (transfer full) (nullable): the new object, or NULL on error
 */
WervingThread *
werving_thread_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(WervingThread) self = werving_thread_new ();

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
werving_thread_get_id (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), -1);

  return self->id;
}

gint64
werving_thread_get_vacancy_id (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), -1);

  return self->vacancy_id;
}

const char *
werving_thread_get_vacancy_title (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->vacancy_title;
}

gint64
werving_thread_get_cv_id (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), -1);

  return self->cv_id;
}

const char *
werving_thread_get_candidate_label (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->candidate_label;
}

gint64
werving_thread_get_unread_count (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), -1);

  return self->unread_count;
}

GDateTime *
werving_thread_get_last_message_at (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->last_message_at;
}

const char *
werving_thread_get_last_message_preview (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->last_message_preview;
}

gboolean
werving_thread_get_read_only (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), FALSE);

  return self->read_only;
}

const char *
werving_thread_get_revealed_name (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->revealed_name;
}

const char *
werving_thread_get_revealed_email (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->revealed_email;
}

const char *
werving_thread_get_revealed_phone (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->revealed_phone;
}

GDateTime *
werving_thread_get_created_at (WervingThread *self)
{
  g_return_val_if_fail (WERVING_IS_THREAD (self), NULL);

  return self->created_at;
}
