/* werving-outbox.c: outgoing operations that survive a missing network
 *
 * Exactly once: every item carries an Idempotency-Key chosen when it was
 * queued and saved with it. Whatever happens between sending and hearing the
 * answer (lost connection, crash), the next attempt uses the same key and the
 * portal replays the first answer instead of acting twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "werving-client-private.h"
#include "werving-error.h"
#include "werving-json-private.h"
#include "werving-outbox-item-private.h"
#include "werving-outbox-private.h"

#define MAX_BACKOFF_MS (5 * 60 * 1000)

struct _WervingOutbox
{
  GObject            parent_instance;

  WervingClient     *client;
  char              *path;
  GPtrArray         *items;     /* of WervingOutboxItem */
  WervingOutboxItem *sending;
  GCancellable      *cancellable;
  guint              retry_source;
  guint              backoff_ms;
  guint              initial_backoff_ms;
  gulong             signed_out_handler;
  gulong             signed_in_handler;
  gulong             reachable_handler;
  GNetworkMonitor   *monitor;
  gulong             network_handler;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WervingOutbox, werving_outbox, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_INITIAL_BACKOFF_MS,
  N_PROPS
};

enum {
  DELIVERED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void process (WervingOutbox *self);

char *
werving_outbox_get_default_path (const char *portal,
                                 const char *email)
{
  g_autofree char *key = g_strconcat (portal, "\n", email, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_build_filename (g_get_user_data_dir (), "werving", hash, "outbox.json", NULL);
}

static void
save (WervingOutbox *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->items->len; i++)
    werving_outbox_item_save (g_ptr_array_index (self->items, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  data = werving_json_to_string (root);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Cannot create %s: %s", dir, g_strerror (errno));
      return;
    }
  /* The user's own unsent writing: readable by the user only (R9). */
  if (!g_file_set_contents_full (self->path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Cannot save the outbox: %s", error->message);
}

static gboolean
load (WervingOutbox  *self,
      GError        **error)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *items;
  JsonArray *array;

  if (!g_file_get_contents (self->path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  root = werving_json_parse (data, length, error);
  if (root == NULL)
    return FALSE;

  items = JSON_NODE_HOLDS_OBJECT (root)
          ? json_object_get_member (json_node_get_object (root), "items") : NULL;
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error_literal (error, WERVING_ERROR, WERVING_ERROR_PARSE, "Malformed outbox file");
      return FALSE;
    }

  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      WervingOutboxItem *item = werving_outbox_item_load (json_array_get_element (array, i), error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (self->items, item);
    }

  return TRUE;
}

static void
schedule_retry (WervingOutbox *self,
                gint64         retry_after_s);

static gboolean
retry_timeout (gpointer user_data)
{
  WervingOutbox *self = user_data;

  self->retry_source = 0;
  process (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (WervingOutbox *self,
                gint64         retry_after_s)
{
  guint delay;

  g_clear_handle_id (&self->retry_source, g_source_remove);

  self->backoff_ms = self->backoff_ms == 0 ? self->initial_backoff_ms
                                           : MIN (self->backoff_ms * 2, MAX_BACKOFF_MS);
  delay = self->backoff_ms;
  if (retry_after_s > 0)
    delay = (guint) MIN (retry_after_s * 1000, MAX_BACKOFF_MS);

  self->retry_source = g_timeout_add (delay, retry_timeout, self);
}

/* Problems worth waiting out; others need the user. */
static gboolean
is_transient (const GError *error)
{
  return g_error_matches (error, WERVING_ERROR, WERVING_ERROR_NETWORK) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_INTERNAL) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_RATE_LIMITED) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_UNAUTHENTICATED) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_PARSE);
}

typedef struct
{
  WervingOutbox     *outbox;
  WervingOutboxItem *item;
} Sending;

static void
sending_free (Sending *sending)
{
  g_object_unref (sending->outbox);
  g_object_unref (sending->item);
  g_free (sending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sending, sending_free)

static void
sent (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  g_autoptr(Sending) sending = user_data;
  WervingOutbox *self = sending->outbox;
  WervingOutboxItem *item = sending->item;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  guint position;

  object = werving_client_call_finish (WERVING_CLIENT (source), result, werving_outbox_new, &error);

  /* Wiped meanwhile: whatever is sending now is another item. */
  if (self->sending != item)
    return;
  g_clear_object (&self->sending);
  if (!g_ptr_array_find (self->items, item, &position))
    return;

  if (object != NULL)
    {
      g_ptr_array_remove_index (self->items, position);
      save (self);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
      self->backoff_ms = 0;
      g_signal_emit (self, signals[DELIVERED], 0, item, object);
      process (self);
      return;
    }

  werving_outbox_item_add_attempt (item);
  {
    g_autofree char *reason = werving_error_to_user_message (error);

    if (is_transient (error))
      {
        werving_outbox_item_set_state (item, WERVING_OUTBOX_STATE_PENDING, reason);
        save (self);
        /* Not signed in: wait for the sign-in instead of polling. */
        if (!g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED) &&
            werving_client_get_signed_in (self->client))
          schedule_retry (self, werving_error_get_retry_after (error));
        return;
      }

    werving_outbox_item_set_state (item, WERVING_OUTBOX_STATE_FAILED, reason);
    save (self);
    process (self);
  }
}

static void
process (WervingOutbox *self)
{
  WervingOutboxItem *item = NULL;
  const char *kind;
  g_autofree char *path = NULL;
  const char *method = "POST";
  WervingParseFunc parse;
  Sending *sending;

  if (self->sending != NULL || self->retry_source != 0 ||
      !werving_client_get_signed_in (self->client))
    return;

  for (guint i = 0; i < self->items->len && item == NULL; i++)
    {
      WervingOutboxItem *candidate = g_ptr_array_index (self->items, i);

      if (werving_outbox_item_get_state (candidate) == WERVING_OUTBOX_STATE_PENDING)
        item = candidate;
    }
  if (item == NULL)
    return;

  kind = werving_outbox_item_get_kind (item);
  if (g_str_equal (kind, WERVING_OUTBOX_SEND_MESSAGE))
    {
      path = g_strdup_printf ("/v1/threads/%" G_GINT64_FORMAT "/messages",
                              werving_outbox_item_get_target_id (item));
      parse = (WervingParseFunc) werving_message_new_from_json;
    }
  else if (g_str_equal (kind, WERVING_OUTBOX_CREATE_THREAD))
    {
      path = g_strdup ("/v1/threads");
      parse = (WervingParseFunc) werving_thread_new_from_json;
    }
  else if (g_str_equal (kind, WERVING_OUTBOX_CREATE_VACANCY))
    {
      path = g_strdup ("/v1/vacancies");
      parse = (WervingParseFunc) werving_vacancy_new_from_json;
    }
  else if (g_str_equal (kind, WERVING_OUTBOX_UPDATE_VACANCY))
    {
      method = "PATCH";
      path = g_strdup_printf ("/v1/vacancies/%" G_GINT64_FORMAT,
                              werving_outbox_item_get_target_id (item));
      parse = (WervingParseFunc) werving_vacancy_new_from_json;
    }
  else
    {
      /* Written by a newer version: keep it, but do not guess. */
      werving_outbox_item_set_state (item, WERVING_OUTBOX_STATE_FAILED, NULL);
      save (self);
      process (self);
      return;
    }

  sending = g_new0 (Sending, 1);
  sending->outbox = g_object_ref (self);
  sending->item = g_object_ref (item);
  self->sending = g_object_ref (item);
  werving_outbox_item_set_state (item, WERVING_OUTBOX_STATE_SENDING,
                                 werving_outbox_item_get_reason (item));
  save (self);

  werving_client_call_async (self->client, method, path, werving_outbox_item_get_body (item),
                             werving_outbox_item_get_idempotency_key (item), WERVING_REQUEST_AUTH,
                             parse, G_TYPE_INVALID, NULL, werving_outbox_new,
                             self->cancellable, sent, sending);
}

void
werving_outbox_flush (WervingOutbox *self)
{
  g_return_if_fail (WERVING_IS_OUTBOX (self));

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->backoff_ms = 0;
  process (self);
}

static WervingOutboxItem *
enqueue (WervingOutbox *self,
         const char    *kind,
         gint64         target_id,
         JsonNode      *body)
{
  WervingOutboxItem *item = werving_outbox_item_new (kind, target_id, body);

  g_ptr_array_add (self->items, item);
  save (self);
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  process (self);
  return item;
}

static JsonNode *
body_node (gint64      vacancy_id,
           gint64      cv_id,
           const char *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  if (vacancy_id > 0)
    {
      json_builder_set_member_name (builder, "vacancy_id");
      json_builder_add_int_value (builder, vacancy_id);
      json_builder_set_member_name (builder, "cv_id");
      json_builder_add_int_value (builder, cv_id);
    }
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * werving_outbox_send_message:
 *
 * Returns: (transfer none): the queued item
 */
WervingOutboxItem *
werving_outbox_send_message (WervingOutbox *self,
                             gint64         thread_id,
                             const char    *body)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (WERVING_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (body != NULL, NULL);

  node = body_node (0, 0, body);
  return enqueue (self, WERVING_OUTBOX_SEND_MESSAGE, thread_id, node);
}

WervingOutboxItem *
werving_outbox_create_thread (WervingOutbox *self,
                              gint64         vacancy_id,
                              gint64         cv_id,
                              const char    *body)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (WERVING_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (body != NULL && vacancy_id > 0, NULL);

  node = body_node (vacancy_id, cv_id, body);
  return enqueue (self, WERVING_OUTBOX_CREATE_THREAD, vacancy_id, node);
}

WervingOutboxItem *
werving_outbox_create_vacancy (WervingOutbox  *self,
                               WervingVacancy *vacancy)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (WERVING_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (WERVING_IS_VACANCY (vacancy), NULL);

  node = werving_vacancy_to_json (vacancy);
  return enqueue (self, WERVING_OUTBOX_CREATE_VACANCY, 0, node);
}

WervingOutboxItem *
werving_outbox_update_vacancy (WervingOutbox  *self,
                               WervingVacancy *vacancy)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (WERVING_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (WERVING_IS_VACANCY (vacancy), NULL);
  g_return_val_if_fail (werving_vacancy_get_id (vacancy) > 0, NULL);

  node = werving_vacancy_to_json (vacancy);
  return enqueue (self, WERVING_OUTBOX_UPDATE_VACANCY, werving_vacancy_get_id (vacancy), node);
}

void
werving_outbox_retry (WervingOutbox     *self,
                      WervingOutboxItem *item)
{
  g_return_if_fail (WERVING_IS_OUTBOX (self));
  g_return_if_fail (WERVING_IS_OUTBOX_ITEM (item));

  if (werving_outbox_item_get_state (item) != WERVING_OUTBOX_STATE_FAILED)
    return;
  werving_outbox_item_set_state (item, WERVING_OUTBOX_STATE_PENDING, NULL);
  save (self);
  werving_outbox_flush (self);
}

gboolean
werving_outbox_discard (WervingOutbox     *self,
                        WervingOutboxItem *item)
{
  guint position;

  g_return_val_if_fail (WERVING_IS_OUTBOX (self), FALSE);

  /* Once sent, it may already have arrived: too late to take it back. */
  if (item == self->sending || !g_ptr_array_find (self->items, item, &position))
    return FALSE;

  g_ptr_array_remove_index (self->items, position);
  save (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

void
werving_outbox_wipe (WervingOutbox *self)
{
  guint n;
  g_autofree char *dir = NULL;

  g_return_if_fail (WERVING_IS_OUTBOX (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->sending);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  n = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  if (g_unlink (self->path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", self->path, g_strerror (errno));
  dir = g_path_get_dirname (self->path);
  g_rmdir (dir);
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
}

const char *
werving_outbox_get_path (WervingOutbox *self)
{
  g_return_val_if_fail (WERVING_IS_OUTBOX (self), NULL);

  return self->path;
}

static void
on_signed_out (WervingOutbox *self)
{
  werving_outbox_wipe (self);
}

static void
on_signed_in_changed (WervingOutbox *self)
{
  werving_outbox_flush (self);
}

/* The portal answered someone again: no need to sit out the backoff. */
static void
on_reachable_changed (WervingOutbox *self)
{
  if (werving_client_get_reachable (self->client))
    werving_outbox_flush (self);
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    WervingOutbox   *self)
{
  if (available)
    werving_outbox_flush (self);
}

void
werving_outbox_set_network_monitor (WervingOutbox   *self,
                                    GNetworkMonitor *monitor)
{
  g_return_if_fail (WERVING_IS_OUTBOX (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  g_clear_signal_handler (&self->network_handler, self->monitor);
  g_set_object (&self->monitor, monitor);
  if (monitor != NULL)
    self->network_handler = g_signal_connect (monitor, "network-changed",
                                              G_CALLBACK (on_network_changed), self);
}

/* GListModel */

static GType
werving_outbox_get_item_type (GListModel *model)
{
  return WERVING_TYPE_OUTBOX_ITEM;
}

static guint
werving_outbox_get_n_items (GListModel *model)
{
  return WERVING_OUTBOX (model)->items->len;
}

static gpointer
werving_outbox_get_item (GListModel *model,
                         guint       position)
{
  WervingOutbox *self = WERVING_OUTBOX (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = werving_outbox_get_item_type;
  iface->get_n_items = werving_outbox_get_n_items;
  iface->get_item = werving_outbox_get_item;
}

/* GObject */

static void
werving_outbox_dispose (GObject *object)
{
  WervingOutbox *self = WERVING_OUTBOX (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_signal_handler (&self->signed_out_handler, self->client);
  g_clear_signal_handler (&self->signed_in_handler, self->client);
  g_clear_signal_handler (&self->reachable_handler, self->client);
  werving_outbox_set_network_monitor (self, NULL);

  G_OBJECT_CLASS (werving_outbox_parent_class)->dispose (object);
}

static void
werving_outbox_finalize (GObject *object)
{
  WervingOutbox *self = WERVING_OUTBOX (object);

  g_clear_object (&self->client);
  g_free (self->path);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->sending);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (werving_outbox_parent_class)->finalize (object);
}

static void
werving_outbox_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WervingOutbox *self = WERVING_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_INITIAL_BACKOFF_MS:
      g_value_set_uint (value, self->initial_backoff_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_outbox_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WervingOutbox *self = WERVING_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_INITIAL_BACKOFF_MS:
      if (self->initial_backoff_ms != g_value_get_uint (value))
        {
          self->initial_backoff_ms = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_outbox_class_init (WervingOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = werving_outbox_dispose;
  object_class->finalize = werving_outbox_finalize;
  object_class->get_property = werving_outbox_get_property;
  object_class->set_property = werving_outbox_set_property;

  /**
   * WervingOutbox:initial-backoff-ms:
   *
   * The first wait after a failed attempt; it doubles up to five minutes.
   */
  properties[PROP_INITIAL_BACKOFF_MS] =
    g_param_spec_uint ("initial-backoff-ms", NULL, NULL, 1, MAX_BACKOFF_MS, 2000,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WervingOutbox::delivered:
   * @item: the item, already removed from the outbox
   * @result: the WervingMessage, WervingThread or WervingVacancy the portal made
   */
  signals[DELIVERED] =
    g_signal_new ("delivered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, WERVING_TYPE_OUTBOX_ITEM, G_TYPE_OBJECT);
}

static void
werving_outbox_init (WervingOutbox *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->initial_backoff_ms = 2000;
}

static gboolean
flush_idle (gpointer user_data)
{
  process (user_data);
  return G_SOURCE_REMOVE;
}

/**
 * werving_outbox_new:
 *
 * Returns: (transfer full) (nullable): the outbox, or NULL if the file at
 * @path exists but cannot be read
 */
WervingOutbox *
werving_outbox_new (WervingClient  *client,
                    const char     *path,
                    GError        **error)
{
  g_autoptr(WervingOutbox) self = NULL;

  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (WERVING_TYPE_OUTBOX, NULL);
  self->client = g_object_ref (client);
  self->path = g_strdup (path);

  if (!load (self, error))
    return NULL;

  self->signed_out_handler =
    g_signal_connect_swapped (client, "signed-out", G_CALLBACK (on_signed_out), self);
  self->signed_in_handler =
    g_signal_connect_swapped (client, "notify::signed-in", G_CALLBACK (on_signed_in_changed), self);
  self->reachable_handler =
    g_signal_connect_swapped (client, "notify::reachable", G_CALLBACK (on_reachable_changed), self);
  werving_outbox_set_network_monitor (self, g_network_monitor_get_default ());

  /* Items left from the last run go out once the caller had a chance to
   * connect to the model.
   */
  if (self->items->len > 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, flush_idle, g_object_ref (self), g_object_unref);

  return g_steal_pointer (&self);
}
