/* werving-messages-page.c: conversations with candidates, live
 *
 * The threads are loaded once and then kept current by the portal's events
 * channel (message.created, thread.updated): nothing polls. The list is
 * sorted by last activity and filtered on the client (a recruiter's
 * threads fit in memory; R9 keeps them there, never on disk). Opening a
 * thread marks it read. A message from a candidate while the window is not
 * focused raises a GNotification whose default action is
 * "app.open-thread" with the thread id (int64, "x") as its target; the
 * application implements that action with werving_messages_page_open_thread().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "werving-messages-page.h"

#define NOTIFICATION_BODY_MAX 200

struct _WervingMessagesPage
{
  GtkWidget                parent_instance;

  WervingClient           *client;
  WervingEvents           *events;
  WervingOutbox           *outbox;
  gboolean                 owns_events;
  gboolean                 was_connected;
  GListStore              *threads;
  GtkCustomFilter         *filter;
  GtkFilterListModel      *filtered;
  GtkSortListModel        *sorted;
  GtkSingleSelection      *selection;
  GCancellable            *cancellable;
  GCancellable            *load_cancellable;
  char                   **search_words;
  guint                    unread_count;
  gint64                   pending_open_id;
  gboolean                 selecting;
  gboolean                 loading;
  gboolean                 failed;
  GtkWindow               *window;

  AdwLeaflet              *leaflet;
  GtkWidget               *threads_pane;
  GtkSearchEntry          *search_entry;
  GtkStack                *list_stack;
  GtkSpinner              *loading_spinner;
  AdwStatusPage           *error_page;
  GtkListView             *list_view;
  WervingConversationView *conversation_view;
};

G_DEFINE_FINAL_TYPE (WervingMessagesPage, werving_messages_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_UNREAD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_thread (WervingMessagesPage *self, WervingThread *thread);

/* Row closures (werving-thread-row.ui) */

char   *werving_thread_row_when          (GtkListItem *item, WervingThread *thread);
char   *werving_thread_row_unread        (GtkListItem *item, WervingThread *thread);
gboolean werving_thread_row_has_unread   (GtkListItem *item, WervingThread *thread);
char   *werving_thread_row_preview       (GtkListItem *item, WervingThread *thread);
char  **werving_thread_row_title_classes (GtkListItem *item, WervingThread *thread);

static GDateTime *
last_activity (WervingThread *thread)
{
  GDateTime *when = werving_thread_get_last_message_at (thread);

  return when != NULL ? when : werving_thread_get_created_at (thread);
}

char *
werving_thread_row_when (GtkListItem   *item,
                         WervingThread *thread)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDateTime *when;

  if (thread == NULL || (when = last_activity (thread)) == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (when);
  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: the time of a thread's last message today; see g_date_time_format() */
    return g_date_time_format (local, C_("thread time", "%H:%M"));
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: the day of a thread's last message this year */
    return g_date_time_format (local, C_("thread time", "%-d %b"));
  /* Translators: the date of a thread's last message in an earlier year */
  return g_date_time_format (local, C_("thread time", "%-d %b %Y"));
}

char *
werving_thread_row_unread (GtkListItem   *item,
                           WervingThread *thread)
{
  if (thread == NULL || werving_thread_get_unread_count (thread) <= 0)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT, werving_thread_get_unread_count (thread));
}

gboolean
werving_thread_row_has_unread (GtkListItem   *item,
                               WervingThread *thread)
{
  return thread != NULL && werving_thread_get_unread_count (thread) > 0;
}

char *
werving_thread_row_preview (GtkListItem   *item,
                            WervingThread *thread)
{
  const char *preview;

  if (thread == NULL)
    return g_strdup ("");
  preview = werving_thread_get_last_message_preview (thread);
  if (preview == NULL || *preview == '\0')
    return g_strdup (_("No messages yet"));
  /* One line: a preview's line breaks would cut it short. */
  return g_strdelimit (g_strdup (preview), "\r\n\t", ' ');
}

char **
werving_thread_row_title_classes (GtkListItem   *item,
                                  WervingThread *thread)
{
  const char *unread[] = { "heading", NULL };
  const char *read[] = { NULL };

  return g_strdupv ((char **) (werving_thread_row_has_unread (item, thread) ? unread : read));
}

/* Threads */

static gboolean
find_thread (WervingMessagesPage *self,
             gint64               id,
             guint               *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->threads));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingThread) thread = g_list_model_get_item (G_LIST_MODEL (self->threads), i);

      if (werving_thread_get_id (thread) == id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static WervingThread *
get_thread (WervingMessagesPage *self,
            gint64               id)
{
  guint position;

  if (!find_thread (self, id, &position))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->threads), position);
}

static void
update_unread_count (WervingMessagesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->threads));
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingThread) thread = g_list_model_get_item (G_LIST_MODEL (self->threads), i);

      total += (guint) MAX (werving_thread_get_unread_count (thread), 0);
    }
  if (total == self->unread_count)
    return;
  self->unread_count = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD_COUNT]);
}

static void
update_status (WervingMessagesPage *self)
{
  const char *name = "list";

  if (self->loading && g_list_model_get_n_items (G_LIST_MODEL (self->threads)) == 0)
    name = "loading";
  else if (self->failed)
    name = "error";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->threads)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0)
    name = "no-results";
  gtk_spinner_set_spinning (self->loading_spinner, g_strcmp0 (name, "loading") == 0);
  gtk_stack_set_visible_child_name (self->list_stack, name);
}

/* Puts a newer copy of a thread in the list (or adds a new thread). */
static void
replace_thread (WervingMessagesPage *self,
                WervingThread       *thread)
{
  WervingThread *open = werving_conversation_view_get_thread (self->conversation_view);
  guint position;

  if (find_thread (self, werving_thread_get_id (thread), &position))
    g_list_store_splice (self->threads, position, 1, (gpointer *) &thread, 1);
  else
    g_list_store_append (self->threads, thread);
  if (open != NULL && werving_thread_get_id (open) == werving_thread_get_id (thread))
    werving_conversation_view_update_thread (self->conversation_view, thread);
  update_unread_count (self);
  update_status (self);
}

static void
refreshed_thread_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WervingMessagesPage) self = user_data;
  g_autoptr(WervingThread) thread = NULL;
  g_autoptr(GError) error = NULL;

  thread = werving_client_get_thread_finish (WERVING_CLIENT (source), result, &error);
  if (thread == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not refresh a thread: %s", error->message);
      return;
    }
  replace_thread (self, thread);
}

typedef struct
{
  WervingMessagesPage *self;
  gint64               thread_id;
} MarkReadData;

static void
marked_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  MarkReadData *data = user_data;
  g_autoptr(WervingMessagesPage) self = data->self;
  g_autoptr(GError) error = NULL;
  gint64 thread_id = data->thread_id;

  g_free (data);
  if (!werving_client_mark_thread_read_finish (WERVING_CLIENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not mark a thread read: %s", error->message);
      return;
    }
  /* The events channel says so too; this also covers a portal without one. */
  if (self->client != NULL)
    werving_client_get_thread_async (self->client, thread_id, self->cancellable,
                                     refreshed_thread_cb, g_object_ref (self));
}

static void
mark_thread_read (WervingMessagesPage *self,
                  gint64               thread_id)
{
  MarkReadData *data;

  if (self->client == NULL)
    return;
  data = g_new0 (MarkReadData, 1);
  data->self = g_object_ref (self);
  data->thread_id = thread_id;
  werving_client_mark_thread_read_async (self->client, thread_id, self->cancellable, marked_read_cb, data);
}

static void
mark_read (WervingMessagesPage *self,
           WervingThread       *thread)
{
  g_autoptr(WervingThread) current = get_thread (self, werving_thread_get_id (thread));

  /* The list's copy is the newest one (the open one may be older). */
  if (current != NULL)
    thread = current;
  if (werving_thread_get_unread_count (thread) > 0)
    mark_thread_read (self, werving_thread_get_id (thread));
}

/* The open thread is the selected row, however it was opened (click,
 * notification, "Open Conversation"); re-sorting keeps it selected.
 */
static void
select_open_thread (WervingMessagesPage *self)
{
  WervingThread *open = werving_conversation_view_get_thread (self->conversation_view);
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; open != NULL && i < n; i++)
    {
      g_autoptr(WervingThread) thread = g_list_model_get_item (model, i);

      if (werving_thread_get_id (thread) == werving_thread_get_id (open))
        {
          position = i;
          break;
        }
    }
  if (gtk_single_selection_get_selected (self->selection) == position)
    return;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
open_thread (WervingMessagesPage *self,
             WervingThread       *thread)
{
  werving_conversation_view_set_thread (self->conversation_view, thread);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->conversation_view));
  select_open_thread (self);
  mark_read (self, thread);
}

static void
selection_changed_cb (WervingMessagesPage *self)
{
  WervingThread *thread = gtk_single_selection_get_selected_item (self->selection);
  WervingThread *open = werving_conversation_view_get_thread (self->conversation_view);

  if (self->selecting)
    return;
  /* A list change that kept the open thread selected opens nothing. */
  if (thread != NULL && (open == NULL || werving_thread_get_id (open) != werving_thread_get_id (thread)))
    open_thread (self, thread);
  else
    select_open_thread (self);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(WervingMessagesPage) self = user_data;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = werving_client_list_all_finish (WERVING_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      g_autofree char *message = werving_error_to_user_message (error);

      self->loading = FALSE;
      self->failed = TRUE;
      adw_status_page_set_description (self->error_page, message);
      update_status (self);
      return;
    }

  self->loading = FALSE;
  self->failed = FALSE;
  g_list_store_splice (self->threads, 0, g_list_model_get_n_items (G_LIST_MODEL (self->threads)),
                       loaded->pdata, loaded->len);
  update_unread_count (self);
  update_status (self);

  /* The open conversation shows the fresh copy of its thread. */
  if (werving_conversation_view_get_thread (self->conversation_view) != NULL)
    {
      g_autoptr(WervingThread) open = NULL;

      open = get_thread (self, werving_thread_get_id (werving_conversation_view_get_thread (self->conversation_view)));
      if (open != NULL)
        werving_conversation_view_update_thread (self->conversation_view, open);
    }
  if (self->pending_open_id > 0)
    {
      gint64 id = self->pending_open_id;

      self->pending_open_id = 0;
      werving_messages_page_open_thread (self, id);
    }
}

static void
load_threads (WervingMessagesPage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->client == NULL)
    {
      self->loading = FALSE;
      update_status (self);
      return;
    }
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  self->failed = FALSE;
  update_status (self);

  werving_client_list_all_threads_async (self->client, self->load_cancellable, load_cb, g_object_ref (self));
}

/* Search */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WervingMessagesPage *self = user_data;
  WervingThread *thread = item;

  if (self->search_words == NULL)
    return TRUE;
  for (guint i = 0; self->search_words[i] != NULL; i++)
    {
      const char *word = self->search_words[i];

      if (!contains_casefolded (werving_thread_get_candidate_label (thread), word) &&
          !contains_casefolded (werving_thread_get_vacancy_title (thread), word) &&
          !contains_casefolded (werving_thread_get_last_message_preview (thread), word) &&
          !contains_casefolded (werving_thread_get_revealed_name (thread), word))
        return FALSE;
    }
  return TRUE;
}

static void
search_changed_cb (WervingMessagesPage *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_clear_pointer (&self->search_words, g_strfreev);
  g_strstrip (folded);
  if (*folded != '\0')
    self->search_words = g_regex_split_simple ("\\s+", folded, 0, 0);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status (self);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  GDateTime *when_a = last_activity ((WervingThread *) a);
  GDateTime *when_b = last_activity ((WervingThread *) b);

  if (when_a == NULL || when_b == NULL)
    return (when_a == NULL) - (when_b == NULL);
  /* Newest first. */
  return -g_date_time_compare (when_a, when_b);
}

/* Live updates */

static gboolean
window_is_active (WervingMessagesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root));
}

static void
send_notification (WervingMessagesPage *self,
                   WervingMessage      *message)
{
  GApplication *application = g_application_get_default ();
  g_autoptr(WervingThread) thread = get_thread (self, werving_message_get_thread_id (message));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  const char *text = werving_message_get_body (message);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (application == NULL || !g_application_get_is_registered (application) ||
      !g_settings_get_boolean (settings, "notify-new-messages"))
    return;

  if (thread != NULL)
    /* Translators: a notification's title; %s is the candidate ("Kandidaat 7K3Q" or a name) */
    title = g_strdup_printf (_("New message from %s"), werving_thread_get_candidate_label (thread));
  else
    title = g_strdup (_("New message from a candidate"));
  notification = g_notification_new (title);
  if (text != NULL && g_utf8_strlen (text, -1) > NOTIFICATION_BODY_MAX)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, NOTIFICATION_BODY_MAX);

      body = g_strconcat (cut, "…", NULL);
    }
  else
    body = g_strdup (text);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-thread", "x",
                                                (gint64) werving_message_get_thread_id (message));
  /* One notification per thread: a newer message replaces the older one. */
  id = g_strdup_printf ("thread-%" G_GINT64_FORMAT, werving_message_get_thread_id (message));
  g_application_send_notification (application, id, notification);
}

static void
message_created_cb (WervingMessagesPage *self,
                    WervingMessage      *message)
{
  WervingThread *open = werving_conversation_view_get_thread (self->conversation_view);
  gboolean is_open = open != NULL && werving_thread_get_id (open) == werving_message_get_thread_id (message);

  werving_conversation_view_add_message (self->conversation_view, message);
  if (g_strcmp0 (werving_message_get_sender (message), "jobseeker") != 0)
    return;
  if (!window_is_active (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    send_notification (self, message);
  if (is_open && gtk_widget_get_mapped (GTK_WIDGET (self)) && window_is_active (self))
    mark_thread_read (self, werving_message_get_thread_id (message));
}

static void
thread_updated_cb (WervingMessagesPage *self,
                   WervingThread       *thread)
{
  replace_thread (self, thread);
}

static void
connected_cb (WervingMessagesPage *self)
{
  if (!werving_events_get_connected (self->events))
    return;
  /* The portal is reachable again: send what waits, catch up on what was missed. */
  if (self->outbox != NULL)
    werving_outbox_flush (self->outbox);
  if (self->was_connected)
    load_threads (self);
  self->was_connected = TRUE;
}

/* A conversation read while the window was in the background is marked
 * read when the user comes back to it.
 */
static void
window_active_cb (WervingMessagesPage *self)
{
  WervingThread *open = werving_conversation_view_get_thread (self->conversation_view);

  if (open != NULL && window_is_active (self) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    mark_read (self, open);
}

static void
werving_messages_page_root (GtkWidget *widget)
{
  WervingMessagesPage *self = WERVING_MESSAGES_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (werving_messages_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::is-active", G_CALLBACK (window_active_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
werving_messages_page_unroot (GtkWidget *widget)
{
  WervingMessagesPage *self = WERVING_MESSAGES_PAGE (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, window_active_cb, self);
  self->window = NULL;
  GTK_WIDGET_CLASS (werving_messages_page_parent_class)->unroot (widget);
}

/* UI callbacks */

static void
list_activate_cb (WervingMessagesPage *self,
                  guint                position)
{
  g_autoptr(WervingThread) thread = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (thread != NULL)
    open_thread (self, thread);
}

static void
conversation_back_cb (WervingMessagesPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->threads_pane);
}

static void
folded_changed_cb (WervingMessagesPage *self)
{
  werving_conversation_view_set_show_back (self->conversation_view, adw_leaflet_get_folded (self->leaflet));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  werving_messages_page_reload (WERVING_MESSAGES_PAGE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WervingMessagesPage *self = WERVING_MESSAGES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->threads_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Public API */

static void
disconnect_events (WervingMessagesPage *self)
{
  if (self->events == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->events, self);
  if (self->owns_events)
    werving_events_stop (self->events);
  g_clear_object (&self->events);
  self->owns_events = FALSE;
  self->was_connected = FALSE;
}

static void
connect_events (WervingMessagesPage *self)
{
  g_signal_connect_object (self->events, "message-created", G_CALLBACK (message_created_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "thread-updated", G_CALLBACK (thread_updated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "notify::connected", G_CALLBACK (connected_cb), self,
                           G_CONNECT_SWAPPED);
  self->was_connected = werving_events_get_connected (self->events);
}

void
werving_messages_page_set_events (WervingMessagesPage *self,
                                  WervingEvents       *events)
{
  g_return_if_fail (WERVING_IS_MESSAGES_PAGE (self));
  g_return_if_fail (events == NULL || WERVING_IS_EVENTS (events));

  if (self->events == events)
    return;
  disconnect_events (self);
  if (events == NULL)
    return;
  self->events = g_object_ref (events);
  connect_events (self);
}

WervingEvents *
werving_messages_page_get_events (WervingMessagesPage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGES_PAGE (self), NULL);

  return self->events;
}

/* A thread started through the outbox (the CV view's contact dialog)
 * shows at once, also when the events channel is down.
 */
static void
outbox_delivered_cb (WervingMessagesPage *self,
                     WervingOutboxItem   *item,
                     GObject             *result)
{
  if (g_strcmp0 (werving_outbox_item_get_kind (item), WERVING_OUTBOX_CREATE_THREAD) == 0 &&
      WERVING_IS_THREAD (result))
    replace_thread (self, WERVING_THREAD (result));
}

void
werving_messages_page_set_outbox (WervingMessagesPage *self,
                                  WervingOutbox       *outbox)
{
  g_return_if_fail (WERVING_IS_MESSAGES_PAGE (self));
  g_return_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_func (self->outbox, outbox_delivered_cb, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    g_signal_connect_object (outbox, "delivered", G_CALLBACK (outbox_delivered_cb), self, G_CONNECT_SWAPPED);
  werving_conversation_view_set_outbox (self->conversation_view, outbox);
}

WervingOutbox *
werving_messages_page_get_outbox (WervingMessagesPage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGES_PAGE (self), NULL);

  return self->outbox;
}

WervingClient *
werving_messages_page_get_client (WervingMessagesPage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGES_PAGE (self), NULL);

  return self->client;
}

void
werving_messages_page_set_client (WervingMessagesPage *self,
                                  WervingClient       *client)
{
  g_return_if_fail (WERVING_IS_MESSAGES_PAGE (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (self->client == client)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->owns_events)
    disconnect_events (self);
  werving_conversation_view_set_thread (self->conversation_view, NULL);
  g_list_store_remove_all (self->threads);
  self->pending_open_id = 0;
  update_unread_count (self);

  g_set_object (&self->client, client);
  werving_conversation_view_set_client (self->conversation_view, client);
  if (client != NULL)
    {
      if (self->events == NULL)
        {
          g_autoptr(WervingEvents) events = werving_events_new (client);

          werving_messages_page_set_events (self, events);
          self->owns_events = TRUE;
          werving_events_start (events);
        }
    }
  adw_leaflet_set_visible_child (self->leaflet, self->threads_pane);
  load_threads (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

guint
werving_messages_page_get_unread_count (WervingMessagesPage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGES_PAGE (self), 0);

  return self->unread_count;
}

GListModel *
werving_messages_page_get_threads (WervingMessagesPage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGES_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

void
werving_messages_page_open_thread (WervingMessagesPage *self,
                                   gint64               id)
{
  g_autoptr(WervingThread) thread = NULL;

  g_return_if_fail (WERVING_IS_MESSAGES_PAGE (self));

  thread = get_thread (self, id);
  if (thread == NULL)
    {
      /* Not loaded yet (or new): open it when the list has it. */
      self->pending_open_id = id;
      if (!self->loading)
        load_threads (self);
      return;
    }
  open_thread (self, thread);
}

void
werving_messages_page_reload (WervingMessagesPage *self)
{
  g_return_if_fail (WERVING_IS_MESSAGES_PAGE (self));

  load_threads (self);
}

WervingConversationView *
werving_messages_page_get_conversation_view (WervingMessagesPage *self)
{
  g_return_val_if_fail (WERVING_IS_MESSAGES_PAGE (self), NULL);

  return self->conversation_view;
}

/* GObject */

static void
werving_messages_page_dispose (GObject *object)
{
  WervingMessagesPage *self = WERVING_MESSAGES_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  disconnect_events (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_MESSAGES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_func (self->outbox, outbox_delivered_cb, self);
  g_clear_object (&self->outbox);
  g_clear_object (&self->client);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->threads);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (werving_messages_page_parent_class)->dispose (object);
}

static void
werving_messages_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WervingMessagesPage *self = WERVING_MESSAGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, self->unread_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_messages_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WervingMessagesPage *self = WERVING_MESSAGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      werving_messages_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_messages_page_class_init (WervingMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_messages_page_dispose;
  object_class->get_property = werving_messages_page_get_property;
  object_class->set_property = werving_messages_page_set_property;
  widget_class->root = werving_messages_page_root;
  widget_class->unroot = werving_messages_page_unroot;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WervingMessagesPage:unread-count:
   *
   * Unread messages over all threads, kept current by the events channel.
   */
  properties[PROP_UNREAD_COUNT] =
    g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-messages-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, WervingMessagesPage, name)
  CHILD (leaflet);
  CHILD (threads_pane);
  CHILD (search_entry);
  CHILD (list_stack);
  CHILD (loading_spinner);
  CHILD (error_page);
  CHILD (list_view);
  CHILD (conversation_view);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "messages.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "messages.focus-search", NULL, focus_search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
werving_messages_page_init (WervingMessagesPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *shortcuts;
  GtkCustomSorter *sorter;

  g_type_ensure (WERVING_TYPE_CONVERSATION_VIEW);
  g_type_ensure (WERVING_TYPE_THREAD);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->threads = g_list_store_new (WERVING_TYPE_THREAD);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->threads)),
                                              GTK_FILTER (self->filter));
  sorter = gtk_custom_sorter_new (sort_func, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (sorter));

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "werving_thread_row_when", G_CALLBACK (werving_thread_row_when),
                                           "werving_thread_row_unread", G_CALLBACK (werving_thread_row_unread),
                                           "werving_thread_row_has_unread", G_CALLBACK (werving_thread_row_has_unread),
                                           "werving_thread_row_preview", G_CALLBACK (werving_thread_row_preview),
                                           "werving_thread_row_title_classes", G_CALLBACK (werving_thread_row_title_classes),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             "/io/github/werving/Werving/werving-thread-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  /* Selecting opens: single-click activation would select on hover. */
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (select_open_thread), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conversation_view, "notify::thread", G_CALLBACK (select_open_thread), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->conversation_view, "back", G_CALLBACK (conversation_back_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  folded_changed_cb (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->threads_pane);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("messages.focus-search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_status (self);
}
