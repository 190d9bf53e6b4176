/* werving-outbox-item.c: one operation waiting in the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-error.h"
#include "werving-outbox-item-private.h"

struct _WervingOutboxItem
{
  GObject             parent_instance;

  char               *id;
  char               *kind;
  char               *idempotency_key;
  gint64              target_id;
  JsonNode           *body;
  WervingOutboxState  state;
  guint               attempts;
  char               *reason;
  GDateTime          *created_at;
};

G_DEFINE_ENUM_TYPE (WervingOutboxState, werving_outbox_state,
                    G_DEFINE_ENUM_VALUE (WERVING_OUTBOX_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (WERVING_OUTBOX_STATE_SENDING, "sending"),
                    G_DEFINE_ENUM_VALUE (WERVING_OUTBOX_STATE_FAILED, "failed"))

G_DEFINE_FINAL_TYPE (WervingOutboxItem, werving_outbox_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TARGET_ID,
  PROP_TEXT,
  PROP_STATE,
  PROP_ATTEMPTS,
  PROP_REASON,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
werving_outbox_item_finalize (GObject *object)
{
  WervingOutboxItem *self = WERVING_OUTBOX_ITEM (object);

  g_free (self->id);
  g_free (self->kind);
  g_free (self->idempotency_key);
  g_clear_pointer (&self->body, json_node_unref);
  g_free (self->reason);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (werving_outbox_item_parent_class)->finalize (object);
}

static void
werving_outbox_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WervingOutboxItem *self = WERVING_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TARGET_ID:
      g_value_set_int64 (value, self->target_id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, werving_outbox_item_get_text (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_outbox_item_class_init (WervingOutboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = werving_outbox_item_finalize;
  object_class->get_property = werving_outbox_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, ro);
  properties[PROP_TARGET_ID] = g_param_spec_int64 ("target-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, WERVING_TYPE_OUTBOX_STATE,
                                              WERVING_OUTBOX_STATE_PENDING, ro);
  properties[PROP_ATTEMPTS] = g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
werving_outbox_item_init (WervingOutboxItem *self)
{
}

WervingOutboxItem *
werving_outbox_item_new (const char *kind,
                         gint64      target_id,
                         JsonNode   *body)
{
  WervingOutboxItem *self = g_object_new (WERVING_TYPE_OUTBOX_ITEM, NULL);

  self->id = g_uuid_string_random ();
  /* Chosen once, kept on disk: a retry after a lost answer is recognised by
   * the portal and has no second effect.
   */
  self->idempotency_key = g_uuid_string_random ();
  self->kind = g_strdup (kind);
  self->target_id = target_id;
  self->body = json_node_ref (body);
  self->created_at = g_date_time_new_now_utc ();
  return self;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (node);
}

WervingOutboxItem *
werving_outbox_item_load (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(WervingOutboxItem) self = g_object_new (WERVING_TYPE_OUTBOX_ITEM, NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  JsonObject *object;
  JsonNode *body;
  const char *state, *created_at;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);

  self->id = g_strdup (get_string (object, "id"));
  self->kind = g_strdup (get_string (object, "kind"));
  self->idempotency_key = g_strdup (get_string (object, "idempotency_key"));
  self->target_id = MAX (get_int (object, "target_id"), 0);
  self->attempts = (guint) CLAMP (get_int (object, "attempts"), 0, G_MAXINT);
  self->reason = g_strdup (get_string (object, "reason"));
  body = json_object_get_member (object, "body");
  state = get_string (object, "state");
  created_at = get_string (object, "created_at");

  if (self->id == NULL || self->kind == NULL || self->idempotency_key == NULL ||
      body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    goto bad;

  self->body = json_node_copy (body);
  /* An item that was being sent when the app stopped is sent again with the
   * same key; the portal replays its first answer if it got there.
   */
  self->state = g_strcmp0 (state, "failed") == 0 ? WERVING_OUTBOX_STATE_FAILED
                                                 : WERVING_OUTBOX_STATE_PENDING;
  if (created_at != NULL)
    self->created_at = g_date_time_new_from_iso8601 (created_at, utc);
  if (self->created_at == NULL)
    self->created_at = g_date_time_new_now_utc ();

  return g_steal_pointer (&self);

bad:
  g_set_error_literal (error, WERVING_ERROR, WERVING_ERROR_PARSE, "Malformed outbox item");
  return NULL;
}

void
werving_outbox_item_save (WervingOutboxItem *self,
                          JsonBuilder       *builder)
{
  g_autofree char *created_at = g_date_time_format_iso8601 (self->created_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, self->kind);
  json_builder_set_member_name (builder, "idempotency_key");
  json_builder_add_string_value (builder, self->idempotency_key);
  json_builder_set_member_name (builder, "target_id");
  json_builder_add_int_value (builder, self->target_id);
  json_builder_set_member_name (builder, "body");
  json_builder_add_value (builder, json_node_copy (self->body));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, self->state == WERVING_OUTBOX_STATE_FAILED ? "failed"
                                          : self->state == WERVING_OUTBOX_STATE_SENDING ? "sending"
                                          : "pending");
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, self->attempts);
  json_builder_set_member_name (builder, "reason");
  if (self->reason != NULL)
    json_builder_add_string_value (builder, self->reason);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created_at);
  json_builder_end_object (builder);
}

void
werving_outbox_item_set_state (WervingOutboxItem  *self,
                               WervingOutboxState  state,
                               const char         *reason)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
}

void
werving_outbox_item_add_attempt (WervingOutboxItem *self)
{
  self->attempts++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

const char *
werving_outbox_item_get_id (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), NULL);

  return self->id;
}

const char *
werving_outbox_item_get_kind (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), NULL);

  return self->kind;
}

const char *
werving_outbox_item_get_idempotency_key (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), NULL);

  return self->idempotency_key;
}

gint64
werving_outbox_item_get_target_id (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), 0);

  return self->target_id;
}

/**
 * werving_outbox_item_get_body:
 *
 * Returns: (transfer none): the JSON object that will be sent
 */
JsonNode *
werving_outbox_item_get_body (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), NULL);

  return self->body;
}

const char *
werving_outbox_item_get_text (WervingOutboxItem *self)
{
  JsonObject *object;

  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), NULL);

  object = json_node_get_object (self->body);
  if (json_object_has_member (object, "body"))
    return get_string (object, "body");
  return get_string (object, "title");
}

WervingOutboxState
werving_outbox_item_get_state (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), WERVING_OUTBOX_STATE_PENDING);

  return self->state;
}

guint
werving_outbox_item_get_attempts (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), 0);

  return self->attempts;
}

const char *
werving_outbox_item_get_reason (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), NULL);

  return self->reason;
}

GDateTime *
werving_outbox_item_get_created_at (WervingOutboxItem *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (self), NULL);

  return self->created_at;
}
