/* werving-conversation-view.c: one thread's messages and the composer
 *
 * The rows are the thread's messages from the portal followed by the ones
 * still waiting in the outbox, with a day separator (a GtkStringObject)
 * wherever the day changes. Sending never talks to the portal directly:
 * the text goes into the WervingOutbox, which keeps it on disk until the
 * portal has it exactly once (its Idempotency-Key), so an outage or a
 * restart loses nothing. The composer's text is kept per thread as a draft
 * (mode 0600, the user's own writing, R9) next to the vacancy drafts, so
 * signing out wipes it with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "werving-conversation-view.h"
#include "werving-drafts.h"
#include "werving-templates.h"
#include "werving-templates-window.h"

#define DRAFT_DEBOUNCE_MS 500
#define MESSAGE_MAX_CHARS 5000

struct _WervingConversationView
{
  GtkWidget      parent_instance;

  WervingClient *client;
  WervingOutbox *outbox;
  WervingThread *thread;
  GListStore    *messages;
  GListStore    *rows;
  GPtrArray     *watched_items;
  GCancellable  *cancellable;
  char          *draft_path;
  guint          draft_source;
  gboolean       loading_draft;
  gboolean       stick_to_bottom;

  GtkStack      *stack;
  GtkButton     *back_button;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkRevealer   *contact_revealer;
  GtkLabel      *contact_name_label;
  GtkLabel      *contact_email_label;
  GtkLabel      *contact_phone_label;
  GtkScrolledWindow *scroller;
  GtkListView   *list_view;
  GtkSpinner    *spinner;
  GtkRevealer   *error_revealer;
  GtkLabel      *error_label;
  GtkStack      *composer_stack;
  GtkTextView   *composer;
  GtkMenuButton *template_button;
  GtkLabel      *read_only_label;
};

G_DEFINE_FINAL_TYPE (WervingConversationView, werving_conversation_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_THREAD,
  N_PROPS
};

enum {
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild_rows (WervingConversationView *self);

/* Row closures (werving-message-row.ui) */

char      *werving_message_row_day            (GtkListItem *item, GObject *row);
gboolean   werving_message_row_is_day         (GtkListItem *item, GObject *row);
gboolean   werving_message_row_is_message     (GtkListItem *item, GObject *row);
GtkAlign   werving_message_row_halign         (GtkListItem *item, GObject *row);
char     **werving_message_row_bubble_classes (GtkListItem *item, GObject *row);
char      *werving_message_row_body           (GtkListItem *item, GObject *row);
char      *werving_message_row_meta           (GtkListItem *item, GObject *row);
gboolean   werving_message_row_is_failed      (GtkListItem *item, GObject *row);
GVariant  *werving_message_row_target         (GtkListItem *item, GObject *row);

char *
werving_message_row_day (GtkListItem *item,
                         GObject     *row)
{
  if (!GTK_IS_STRING_OBJECT (row))
    return g_strdup ("");
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (row)));
}

gboolean
werving_message_row_is_day (GtkListItem *item,
                            GObject     *row)
{
  return GTK_IS_STRING_OBJECT (row);
}

gboolean
werving_message_row_is_message (GtkListItem *item,
                                GObject     *row)
{
  return WERVING_IS_MESSAGE (row) || WERVING_IS_OUTBOX_ITEM (row);
}

static gboolean
is_own (GObject *row)
{
  return WERVING_IS_OUTBOX_ITEM (row) ||
         (WERVING_IS_MESSAGE (row) &&
          g_strcmp0 (werving_message_get_sender (WERVING_MESSAGE (row)), "organisation") == 0);
}

GtkAlign
werving_message_row_halign (GtkListItem *item,
                            GObject     *row)
{
  return is_own (row) ? GTK_ALIGN_END : GTK_ALIGN_START;
}

char **
werving_message_row_bubble_classes (GtkListItem *item,
                                    GObject     *row)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  if (werving_message_row_is_message (item, row))
    {
      g_strv_builder_add (builder, "werving-bubble");
      g_strv_builder_add (builder, is_own (row) ? "werving-bubble-own" : "werving-bubble-other");
    }
  if (WERVING_IS_OUTBOX_ITEM (row))
    g_strv_builder_add (builder,
                        werving_outbox_item_get_state (WERVING_OUTBOX_ITEM (row)) == WERVING_OUTBOX_STATE_FAILED
                        ? "werving-bubble-failed" : "werving-bubble-pending");
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

char *
werving_message_row_body (GtkListItem *item,
                          GObject     *row)
{
  if (WERVING_IS_MESSAGE (row))
    return g_strdup (werving_message_get_body (WERVING_MESSAGE (row)));
  if (WERVING_IS_OUTBOX_ITEM (row))
    return g_strdup (werving_outbox_item_get_text (WERVING_OUTBOX_ITEM (row)));
  return g_strdup ("");
}

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (when);
  /* Translators: the time of a message; see g_date_time_format() */
  return g_date_time_format (local, C_("message time", "%H:%M"));
}

char *
werving_message_row_meta (GtkListItem *item,
                          GObject     *row)
{
  g_autofree char *time = NULL;
  WervingOutboxItem *pending;
  const char *reason;

  if (WERVING_IS_MESSAGE (row))
    {
      time = format_time (werving_message_get_created_at (WERVING_MESSAGE (row)));
      if (!is_own (row))
        return g_steal_pointer (&time);
      /* Translators: "time · state" under a message, e.g. "09:30 · Sent" */
      return g_strdup_printf (C_("message meta", "%s · %s"), time, C_("message state", "Sent"));
    }
  if (!WERVING_IS_OUTBOX_ITEM (row))
    return g_strdup ("");

  pending = WERVING_OUTBOX_ITEM (row);
  reason = werving_outbox_item_get_reason (pending);
  switch (werving_outbox_item_get_state (pending))
    {
    case WERVING_OUTBOX_STATE_SENDING:
      return g_strdup (C_("message state", "Sending…"));
    case WERVING_OUTBOX_STATE_FAILED:
      if (reason != NULL)
        /* Translators: %s says why the portal refused the message */
        return g_strdup_printf (_("Not sent: %s"), reason);
      return g_strdup (C_("message state", "Not sent"));
    case WERVING_OUTBOX_STATE_PENDING:
    default:
      if (reason != NULL)
        /* Translators: %s says why the last attempt failed */
        return g_strdup_printf (_("Waiting to send: %s"), reason);
      return g_strdup (C_("message state", "Waiting to send…"));
    }
}

gboolean
werving_message_row_is_failed (GtkListItem *item,
                               GObject     *row)
{
  return WERVING_IS_OUTBOX_ITEM (row) &&
         werving_outbox_item_get_state (WERVING_OUTBOX_ITEM (row)) == WERVING_OUTBOX_STATE_FAILED;
}

/* Always a string, so the buttons' parameter type always matches. */
GVariant *
werving_message_row_target (GtkListItem *item,
                            GObject     *row)
{
  const char *id = "";

  if (WERVING_IS_OUTBOX_ITEM (row))
    id = werving_outbox_item_get_id (WERVING_OUTBOX_ITEM (row));
  return g_variant_ref_sink (g_variant_new_string (id));
}

/* Day separators */

static char *
format_day (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_strdup (C_("day", "Today"));
  if (g_date_time_get_year (local) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (yesterday))
    return g_strdup (C_("day", "Yesterday"));
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a day separator in a conversation this year; see g_date_time_format() */
    return g_date_time_format (local, C_("day separator", "%A %-d %B"));
  /* Translators: a day separator in a conversation of an earlier year */
  return g_date_time_format (local, C_("day separator", "%A %-d %B %Y"));
}

static GDateTime *
row_time (GObject *row)
{
  if (WERVING_IS_MESSAGE (row))
    return werving_message_get_created_at (WERVING_MESSAGE (row));
  return werving_outbox_item_get_created_at (WERVING_OUTBOX_ITEM (row));
}

/* Adds @row to @wanted, after a separator when its day differs. A separator
 * is wanted as a string until the splice, so equal ones stay the same row.
 */
static void
want_row (GPtrArray  *wanted,
          char      **last_day,
          GObject    *row)
{
  GDateTime *when = row_time (row);

  if (when != NULL)
    {
      g_autofree char *day = format_day (when);

      if (g_strcmp0 (day, *last_day) != 0)
        {
          g_ptr_array_add (wanted, gtk_string_object_new (day));
          g_free (*last_day);
          *last_day = g_steal_pointer (&day);
        }
    }
  g_ptr_array_add (wanted, g_object_ref (row));
}

static gboolean
same_row (GObject *a,
          GObject *b)
{
  if (a == b)
    return TRUE;
  return GTK_IS_STRING_OBJECT (a) && GTK_IS_STRING_OBJECT (b) &&
         g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (a)),
                    gtk_string_object_get_string (GTK_STRING_OBJECT (b))) == 0;
}

static void
item_state_cb (WervingConversationView *self,
               GParamSpec              *pspec,
               WervingOutboxItem       *item)
{
  guint position;

  /* The same object again: the row binds anew and shows the new state. */
  if (g_list_store_find (self->rows, item, &position))
    g_list_store_splice (self->rows, position, 1, (gpointer *) &item, 1);
}

static void
watch_item (WervingConversationView *self,
            WervingOutboxItem       *item)
{
  if (g_ptr_array_find (self->watched_items, item, NULL))
    return;
  g_ptr_array_add (self->watched_items, g_object_ref (item));
  g_signal_connect_object (item, "notify::state", G_CALLBACK (item_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::reason", G_CALLBACK (item_state_cb), self, G_CONNECT_SWAPPED);
}

static void
unwatch_items (WervingConversationView *self)
{
  for (guint i = 0; i < self->watched_items->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched_items, i), self);
  g_ptr_array_set_size (self->watched_items, 0);
}

static void
rebuild_rows (WervingConversationView *self)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *last_day = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint prefix = 0;

  if (self->thread != NULL)
    {
      gint64 thread_id = werving_thread_get_id (self->thread);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->messages));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) message = g_list_model_get_item (G_LIST_MODEL (self->messages), i);

          want_row (wanted, &last_day, message);
        }
      n = self->outbox != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->outbox)) : 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(WervingOutboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->outbox), i);

          if (g_strcmp0 (werving_outbox_item_get_kind (item), WERVING_OUTBOX_SEND_MESSAGE) != 0 ||
              werving_outbox_item_get_target_id (item) != thread_id)
            continue;
          watch_item (self, item);
          want_row (wanted, &last_day, G_OBJECT (item));
        }
    }

  while (prefix < n_old && prefix < wanted->len)
    {
      g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (self->rows), prefix);

      if (!same_row (old, g_ptr_array_index (wanted, prefix)))
        break;
      prefix++;
    }
  if (prefix == n_old && prefix == wanted->len)
    return;
  g_list_store_splice (self->rows, prefix, n_old - prefix,
                       wanted->pdata + prefix, wanted->len - prefix);
}

/* Scrolling: stay at the newest message unless the user scrolled up. */

static void
adjustment_value_cb (WervingConversationView *self,
                     GParamSpec              *pspec,
                     GtkAdjustment           *adjustment)
{
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  self->stick_to_bottom = gtk_adjustment_get_value (adjustment) >= bottom - 24;
}

static void
adjustment_upper_cb (WervingConversationView *self,
                     GParamSpec              *pspec,
                     GtkAdjustment           *adjustment)
{
  if (self->stick_to_bottom)
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

/* Messages */

static int
compare_messages (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  gint64 id_a = werving_message_get_id ((WervingMessage *) a);
  gint64 id_b = werving_message_get_id ((WervingMessage *) b);

  return id_a < id_b ? -1 : id_a > id_b;
}

static gboolean
has_message (GListModel *messages,
             gint64      id)
{
  guint n = g_list_model_get_n_items (messages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingMessage) message = g_list_model_get_item (messages, i);

      if (werving_message_get_id (message) == id)
        return TRUE;
    }
  return FALSE;
}

static void
show_error (WervingConversationView *self,
            const char              *text)
{
  gtk_label_set_text (self->error_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->error_revealer, text != NULL);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(WervingConversationView) self = user_data;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  loaded = werving_client_list_all_finish (WERVING_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      gtk_spinner_set_spinning (self->spinner, FALSE);
      show_error (self, message);
      return;
    }

  /* Keep what arrived live while the pages loaded. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  for (guint i = 0; i < n; i++)
    {
      WervingMessage *live = g_list_model_get_item (G_LIST_MODEL (self->messages), i);
      gboolean known = FALSE;

      for (guint j = 0; j < loaded->len && !known; j++)
        known = werving_message_get_id (g_ptr_array_index (loaded, j)) == werving_message_get_id (live);
      if (known)
        g_object_unref (live);
      else
        g_ptr_array_add (loaded, live);
    }
  self->stick_to_bottom = TRUE;
  g_list_store_splice (self->messages, 0, n, loaded->pdata, loaded->len);
  g_list_store_sort (self->messages, compare_messages, NULL);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  rebuild_rows (self);
}

/* Drafts */

static char *
get_draft_path (WervingConversationView *self)
{
  WervingSession *session;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  if (self->client == NULL || self->thread == NULL)
    return NULL;
  session = werving_client_get_session (self->client);
  if (session == NULL || werving_session_get_account_email (session) == NULL)
    return NULL;
  dir = werving_drafts_get_dir (werving_client_get_base_url (self->client),
                                werving_session_get_account_email (session));
  name = g_strdup_printf ("thread-%" G_GINT64_FORMAT ".json", werving_thread_get_id (self->thread));
  return g_build_filename (dir, name, NULL);
}

static char *
get_composer_text (WervingConversationView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
write_draft (WervingConversationView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft_path == NULL)
    return;

  text = get_composer_text (self);
  if (is_blank (text))
    g_unlink (self->draft_path);
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "thread_id");
      json_builder_add_int_value (builder, werving_thread_get_id (self->thread));
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      if (!werving_drafts_write (self->draft_path, node, &error))
        g_warning ("Could not keep the message draft: %s", error->message);
    }
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  WervingConversationView *self = user_data;

  self->draft_source = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (WervingConversationView *self)
{
  if (self->loading_draft || self->draft_path == NULL)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DEBOUNCE_MS, draft_timeout_cb, self);
}

static void
load_draft (WervingConversationView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer);
  g_autoptr(JsonNode) node = NULL;
  const char *body = "";

  g_clear_pointer (&self->draft_path, g_free);
  self->draft_path = get_draft_path (self);
  if (self->draft_path != NULL)
    node = werving_drafts_read (self->draft_path, NULL);
  if (node != NULL)
    body = json_object_get_string_member_with_default (json_node_get_object (node), "body", "");
  self->loading_draft = TRUE;
  gtk_text_buffer_set_text (buffer, body != NULL ? body : "", -1);
  self->loading_draft = FALSE;
}

/* Thread header */

static void
set_contact_line (GtkLabel   *label,
                  const char *value)
{
  gtk_label_set_text (label, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (label), value != NULL && *value != '\0');
}

static void
update_header (WervingConversationView *self)
{
  WervingThread *thread = self->thread;
  gboolean read_only;
  gboolean revealed;

  if (thread == NULL)
    return;

  gtk_label_set_text (self->title_label, werving_thread_get_candidate_label (thread));
  gtk_label_set_text (self->subtitle_label, werving_thread_get_vacancy_title (thread));

  revealed = werving_thread_get_revealed_name (thread) != NULL ||
             werving_thread_get_revealed_email (thread) != NULL ||
             werving_thread_get_revealed_phone (thread) != NULL;
  set_contact_line (self->contact_name_label, werving_thread_get_revealed_name (thread));
  set_contact_line (self->contact_email_label, werving_thread_get_revealed_email (thread));
  set_contact_line (self->contact_phone_label, werving_thread_get_revealed_phone (thread));
  gtk_revealer_set_reveal_child (self->contact_revealer, revealed);

  read_only = werving_thread_get_read_only (thread);
  if (read_only)
    {
      g_autofree char *text = NULL;

      /* R2: contact needs an active vacancy. */
      text = g_strdup_printf (_("The vacancy “%s” is no longer active, so you cannot send messages in this "
                                "conversation. Renew the vacancy to continue it; the candidate can still reply."),
                              werving_thread_get_vacancy_title (thread));
      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_stack_set_visible_child_name (self->composer_stack, read_only ? "read-only" : "composer");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conversation.send", !read_only);
}

/* Actions */

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WervingConversationView *self = WERVING_CONVERSATION_VIEW (widget);
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;

  if (self->thread == NULL || werving_thread_get_read_only (self->thread))
    return;
  if (self->outbox == NULL)
    {
      show_error (self, _("Messages cannot be sent until you are signed in."));
      return;
    }

  text = get_composer_text (self);
  body = g_strdup (g_strstrip (text));
  if (*body == '\0')
    return;
  if (g_utf8_strlen (body, -1) > MESSAGE_MAX_CHARS)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("A message can be at most %d characters; this one has %ld."),
                                 MESSAGE_MAX_CHARS, g_utf8_strlen (body, -1));
      show_error (self, message);
      return;
    }

  show_error (self, NULL);
  self->stick_to_bottom = TRUE;
  werving_outbox_send_message (self->outbox, werving_thread_get_id (self->thread), body);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer), "", -1);
  write_draft (self);
}

static WervingOutboxItem *
find_outbox_item (WervingConversationView *self,
                  const char              *id)
{
  guint n;

  if (self->outbox == NULL || id == NULL || *id == '\0')
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->outbox));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingOutboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->outbox), i);

      if (g_strcmp0 (werving_outbox_item_get_id (item), id) == 0)
        return g_steal_pointer (&item);
    }
  return NULL;
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WervingConversationView *self = WERVING_CONVERSATION_VIEW (widget);
  g_autoptr(WervingOutboxItem) item = find_outbox_item (self, g_variant_get_string (parameter, NULL));

  if (item != NULL)
    werving_outbox_retry (self->outbox, item);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WervingConversationView *self = WERVING_CONVERSATION_VIEW (widget);
  g_autoptr(WervingOutboxItem) item = find_outbox_item (self, g_variant_get_string (parameter, NULL));
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;

  if (item == NULL)
    return;
  text = g_strdup (werving_outbox_item_get_text (item));
  if (!werving_outbox_discard (self->outbox, item))
    return;
  /* Nothing the user wrote is lost: an empty composer takes the text back. */
  current = get_composer_text (self);
  if (text != NULL && is_blank (current))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer), text, -1);
}

/* Templates: inserted at the cursor, {vacancy} filled in. */
static void
insert_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WervingConversationView *self = WERVING_CONVERSATION_VIEW (widget);
  g_autoptr(GSettings) settings = werving_templates_get_settings ();
  g_autoptr(WervingTemplate) template = NULL;
  g_autofree char *text = NULL;

  template = werving_templates_lookup (settings, g_variant_get_string (parameter, NULL));
  if (template == NULL || self->thread == NULL)
    return;
  text = werving_templates_fill (template->text, werving_thread_get_vacancy_title (self->thread));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (self->composer), text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

static void
manage_templates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  werving_templates_window_show (widget);
}

/* The menu is built when it opens, so it always has the latest templates. */
static void
template_popup_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  g_autoptr(GSettings) settings = werving_templates_get_settings ();
  g_autoptr(GMenuModel) menu = werving_templates_build_menu (settings, "conversation.insert-template",
                                                             "conversation.manage-templates");

  gtk_menu_button_set_menu_model (button, menu);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

/* Outbox */

static void
outbox_items_changed_cb (WervingConversationView *self)
{
  rebuild_rows (self);
}

static void
delivered_cb (WervingConversationView *self,
              WervingOutboxItem       *item,
              GObject                 *result)
{
  if (WERVING_IS_MESSAGE (result))
    werving_conversation_view_add_message (self, WERVING_MESSAGE (result));
}

/* Public API */

void
werving_conversation_view_set_client (WervingConversationView *self,
                                      WervingClient           *client)
{
  g_return_if_fail (WERVING_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (self->client == client)
    return;
  werving_conversation_view_set_thread (self, NULL);
  g_set_object (&self->client, client);
}

void
werving_conversation_view_set_outbox (WervingConversationView *self,
                                      WervingOutbox           *outbox)
{
  g_return_if_fail (WERVING_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  unwatch_items (self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    {
      g_signal_connect_object (outbox, "items-changed", G_CALLBACK (outbox_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (outbox, "delivered", G_CALLBACK (delivered_cb), self, G_CONNECT_SWAPPED);
    }
  rebuild_rows (self);
}

WervingThread *
werving_conversation_view_get_thread (WervingConversationView *self)
{
  g_return_val_if_fail (WERVING_IS_CONVERSATION_VIEW (self), NULL);

  return self->thread;
}

void
werving_conversation_view_set_thread (WervingConversationView *self,
                                      WervingThread           *thread)
{
  g_return_if_fail (WERVING_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (thread == NULL || WERVING_IS_THREAD (thread));

  if (self->thread != NULL && thread != NULL &&
      werving_thread_get_id (self->thread) == werving_thread_get_id (thread))
    {
      werving_conversation_view_update_thread (self, thread);
      return;
    }

  /* The old thread's draft is written before its path is forgotten. */
  if (self->draft_source != 0)
    write_draft (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  unwatch_items (self);
  g_list_store_remove_all (self->messages);
  g_set_object (&self->thread, thread);
  show_error (self, NULL);
  rebuild_rows (self);
  load_draft (self);

  if (thread == NULL || self->client == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THREAD]);
      return;
    }

  update_header (self);
  gtk_stack_set_visible_child_name (self->stack, "conversation");
  gtk_spinner_set_spinning (self->spinner, TRUE);
  self->stick_to_bottom = TRUE;

  werving_client_list_all_messages_async (self->client, werving_thread_get_id (thread), self->cancellable,
                                          load_cb, g_object_ref (self));

  if (!werving_thread_get_read_only (thread))
    gtk_widget_grab_focus (GTK_WIDGET (self->composer));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THREAD]);
}

void
werving_conversation_view_update_thread (WervingConversationView *self,
                                         WervingThread           *thread)
{
  g_return_if_fail (WERVING_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (WERVING_IS_THREAD (thread));

  if (self->thread == NULL || werving_thread_get_id (self->thread) != werving_thread_get_id (thread))
    return;
  if (self->thread != thread)
    {
      g_set_object (&self->thread, thread);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THREAD]);
    }
  update_header (self);
}

void
werving_conversation_view_add_message (WervingConversationView *self,
                                       WervingMessage          *message)
{
  g_return_if_fail (WERVING_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (WERVING_IS_MESSAGE (message));

  if (self->thread == NULL ||
      werving_message_get_thread_id (message) != werving_thread_get_id (self->thread) ||
      has_message (G_LIST_MODEL (self->messages), werving_message_get_id (message)))
    return;
  g_list_store_insert_sorted (self->messages, message, compare_messages, NULL);
  rebuild_rows (self);
}

GListModel *
werving_conversation_view_get_rows (WervingConversationView *self)
{
  g_return_val_if_fail (WERVING_IS_CONVERSATION_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

GtkTextBuffer *
werving_conversation_view_get_buffer (WervingConversationView *self)
{
  g_return_val_if_fail (WERVING_IS_CONVERSATION_VIEW (self), NULL);

  return gtk_text_view_get_buffer (self->composer);
}

gboolean
werving_conversation_view_get_read_only (WervingConversationView *self)
{
  g_return_val_if_fail (WERVING_IS_CONVERSATION_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->composer_stack), "read-only") == 0;
}

const char *
werving_conversation_view_get_read_only_explanation (WervingConversationView *self)
{
  g_return_val_if_fail (WERVING_IS_CONVERSATION_VIEW (self), NULL);

  if (!werving_conversation_view_get_read_only (self))
    return NULL;
  return gtk_label_get_text (self->read_only_label);
}

void
werving_conversation_view_save_draft (WervingConversationView *self)
{
  g_return_if_fail (WERVING_IS_CONVERSATION_VIEW (self));

  if (self->draft_source != 0)
    write_draft (self);
}

void
werving_conversation_view_set_show_back (WervingConversationView *self,
                                         gboolean                 show_back)
{
  g_return_if_fail (WERVING_IS_CONVERSATION_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
}

/* Style */

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "listview.werving-conversation, listview.werving-conversation > row"
                                   " { background: none; }"
                                   ".werving-bubble { padding: 8px 12px; border-radius: 14px;"
                                   " background-color: alpha(currentColor, 0.08); }"
                                   ".werving-bubble-own { background-color: alpha(@accent_bg_color, 0.18); }"
                                   ".werving-bubble-pending { opacity: 0.7; }"
                                   ".werving-bubble-failed { background-color: alpha(@error_color, 0.15); }"
                                   ".werving-bubble-meta { opacity: 0.7; }"
                                   ".werving-contact { padding: 8px 12px; border-radius: 8px;"
                                   " background-color: alpha(@success_color, 0.12); }"
                                   ".werving-composer { background: none; }"
                                   ".werving-unread { background-color: @accent_bg_color; color: @accent_fg_color;"
                                   " border-radius: 999px; padding: 0 7px; font-size: smaller; font-weight: bold; }",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* GObject */

static void
werving_conversation_view_dispose (GObject *object)
{
  WervingConversationView *self = WERVING_CONVERSATION_VIEW (object);
  GtkWidget *child;

  if (self->draft_source != 0)
    write_draft (self);
  g_cancellable_cancel (self->cancellable);
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  if (self->watched_items != NULL)
    unwatch_items (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_CONVERSATION_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->outbox);
  g_clear_object (&self->client);
  g_clear_object (&self->thread);
  g_clear_object (&self->messages);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->watched_items, g_ptr_array_unref);
  g_clear_pointer (&self->draft_path, g_free);

  G_OBJECT_CLASS (werving_conversation_view_parent_class)->dispose (object);
}

static void
werving_conversation_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  WervingConversationView *self = WERVING_CONVERSATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_THREAD:
      g_value_set_object (value, self->thread);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_conversation_view_class_init (WervingConversationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_conversation_view_dispose;
  object_class->get_property = werving_conversation_view_get_property;

  /**
   * WervingConversationView:thread:
   *
   * The open thread, or NULL.
   */
  properties[PROP_THREAD] =
    g_param_spec_object ("thread", NULL, NULL, WERVING_TYPE_THREAD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WervingConversationView::back:
   *
   * The user asked for the list of conversations (folded layout).
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-conversation-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, WervingConversationView, name)
  CHILD (stack);
  CHILD (back_button);
  CHILD (title_label);
  CHILD (subtitle_label);
  CHILD (contact_revealer);
  CHILD (contact_name_label);
  CHILD (contact_email_label);
  CHILD (contact_phone_label);
  CHILD (scroller);
  CHILD (list_view);
  CHILD (spinner);
  CHILD (error_revealer);
  CHILD (error_label);
  CHILD (composer_stack);
  CHILD (composer);
  CHILD (template_button);
  CHILD (read_only_label);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "conversation.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "conversation.retry", "s", retry_action);
  gtk_widget_class_install_action (widget_class, "conversation.discard", "s", discard_action);
  gtk_widget_class_install_action (widget_class, "conversation.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "conversation.insert-template", "s", insert_template_action);
  gtk_widget_class_install_action (widget_class, "conversation.manage-templates", NULL, manage_templates_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
werving_conversation_view_init (WervingConversationView *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *shortcuts;
  GtkAdjustment *adjustment;

  g_type_ensure (WERVING_TYPE_MESSAGE);
  g_type_ensure (WERVING_TYPE_OUTBOX_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style ();

  self->cancellable = g_cancellable_new ();
  self->messages = g_list_store_new (WERVING_TYPE_MESSAGE);
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->watched_items = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "werving_message_row_day", G_CALLBACK (werving_message_row_day),
                                           "werving_message_row_is_day", G_CALLBACK (werving_message_row_is_day),
                                           "werving_message_row_is_message", G_CALLBACK (werving_message_row_is_message),
                                           "werving_message_row_halign", G_CALLBACK (werving_message_row_halign),
                                           "werving_message_row_bubble_classes", G_CALLBACK (werving_message_row_bubble_classes),
                                           "werving_message_row_body", G_CALLBACK (werving_message_row_body),
                                           "werving_message_row_meta", G_CALLBACK (werving_message_row_meta),
                                           "werving_message_row_is_failed", G_CALLBACK (werving_message_row_is_failed),
                                           "werving_message_row_target", G_CALLBACK (werving_message_row_target),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             "/io/github/werving/Werving/werving-message-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "notify::value", G_CALLBACK (adjustment_value_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper", G_CALLBACK (adjustment_upper_cb), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_create_popup_func (self->template_button, template_popup_cb, NULL, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->composer), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+Enter sends; plain Enter stays a new line. Capture phase, so the
   * text view does not insert the line break first.
   */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("conversation.send")));
  gtk_widget_add_controller (GTK_WIDGET (self->composer), shortcuts);
}
