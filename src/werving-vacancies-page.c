/* werving-vacancies-page.c: the organisation's vacancies, filtered by status
 *
 * The complete list is kept on disk (werving-vacancy-cache) each time it
 * loads, so that when the portal cannot be reached the last-loaded list stays
 * readable, also after a restart; a bar says so and offers to retry, and the
 * page retries on its own with a growing pause. Changes waiting in the
 * account's outbox show on their rows; a new vacancy still waiting shows as
 * a row of its own.
 *
 * At start-up the page can show an account's list before (or without) a
 * session: werving_vacancies_page_show_cached() while the silent sign-in
 * runs, werving_vacancies_page_set_account() with a client that is not
 * signed in (the portal was away). It then requests nothing; the list loads
 * when the client signs in, and Retry asks the window to sign in again
 * ("reconnect").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-drafts.h"
#include "werving-error.h"
#include "werving-vacancies-page.h"
#include "werving-vacancy-cache.h"
#include "werving-vacancy-row.h"
#include "werving-vacancy-save.h"

/* Vacancies are fetched in pages of this size until the list is complete. */
#define PAGE_SIZE 100
/* While the portal is away the page tries again after this, doubling. */
#define FIRST_RETRY_SECONDS 5
#define MAX_RETRY_SECONDS 60

struct _WervingVacanciesPage
{
  GtkWidget parent_instance;

  WervingClient *client;
  /* The account whose list this is (and whose cache it reads and writes);
   * the list on screen always belongs to it. */
  char *portal;
  char *email;
  WervingOutbox *outbox;
  GListStore *vacancies;
  GPtrArray *loading;         /* the list being fetched, of WervingVacancy */
  GCancellable *cancellable;
  char *status_filter;
  GDateTime *loaded_at;       /* when the list shown came from the portal */
  gboolean from_cache;
  guint retry_id;
  guint retry_seconds;

  GtkInfoBar *offline_bar;
  GtkLabel *offline_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwStatusPage *empty_page;
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkActionBar *action_bar;
  GtkWidget *publish_button;
  GtkWidget *more_button;
  GtkToggleButton *filter_draft;
  GtkToggleButton *filter_active;
  GtkToggleButton *filter_closed;
  GtkToggleButton *filter_expired;
};

G_DEFINE_FINAL_TYPE (WervingVacanciesPage, werving_vacancies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATUS_FILTER,
  PROP_SELECTED_VACANCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_VACANCY_ACTIVATED,
  SIGNAL_RECONNECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_page         (WervingVacanciesPage *self,
                               const char           *cursor);
static void set_status_filter (WervingVacanciesPage *self,
                               const char           *status);

static void
set_filter_label (GtkToggleButton *button,
                  const char      *status,
                  gint64           count)
{
  g_autofree char *label = NULL;

  if (count < 0)
    label = g_strdup (werving_vacancy_row_status_label (status));
  else
    /* Translators: a vacancy status and how many have it, e.g. "Active (3)" */
    label = g_strdup_printf (_("%s (%d)"), werving_vacancy_row_status_label (status), (int) MIN (count, G_MAXINT));
  gtk_button_set_label (GTK_BUTTON (button), label);
}

static void
update_counts (WervingVacanciesPage *self,
               WervingPage          *page)
{
  set_filter_label (self->filter_draft, "draft", page ? werving_page_get_count (page, "draft") : -1);
  set_filter_label (self->filter_active, "active", page ? werving_page_get_count (page, "active") : -1);
  set_filter_label (self->filter_closed, "closed", page ? werving_page_get_count (page, "closed") : -1);
  set_filter_label (self->filter_expired, "expired", page ? werving_page_get_count (page, "expired") : -1);
}

/* Offline, the counts come from the cached list. */
static void
update_counts_from (WervingVacanciesPage *self,
                    GListModel           *vacancies)
{
  static const char * const statuses[] = { "draft", "active", "closed", "expired" };
  GtkToggleButton *buttons[] = { self->filter_draft, self->filter_active, self->filter_closed, self->filter_expired };

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      gint64 count = 0;

      for (guint i = 0; i < g_list_model_get_n_items (vacancies); i++)
        {
          g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (vacancies, i);

          count += g_strcmp0 (werving_vacancy_get_status (vacancy), statuses[s]) == 0;
        }
      set_filter_label (buttons[s], statuses[s], count);
    }
}

static void
show_state (WervingVacanciesPage *self,
            const char           *name)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (name, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, name);
}

static gboolean
is_reachable (WervingVacanciesPage *self)
{
  return self->client == NULL || werving_client_get_reachable (self->client);
}

/* A client without a session yet: the page shows what this computer kept. */
static gboolean
awaits_session (WervingVacanciesPage *self)
{
  return self->client != NULL && !werving_client_get_signed_in (self->client);
}

static char *
cache_path (WervingVacanciesPage *self)
{
  if (self->portal == NULL || self->email == NULL)
    return NULL;
  return werving_vacancy_cache_get_path (self->portal, self->email);
}

static char *
drafts_dir (WervingVacanciesPage *self)
{
  WervingSession *session;

  if (self->client == NULL || (session = werving_client_get_session (self->client)) == NULL ||
      werving_session_get_account_email (session) == NULL)
    return NULL;
  return werving_drafts_get_dir (werving_client_get_base_url (self->client),
                                 werving_session_get_account_email (session));
}

static void
update_offline_state (WervingVacanciesPage *self)
{
  gboolean offline = !is_reachable (self);
  /* Publishing, closing, renewing and deleting need the portal's verdict:
   * they are not queued, and the buttons say why they are off. */
  const char *why = offline ? _("This needs the portal, which cannot be reached right now") : NULL;
  g_autofree char *text = NULL;

  if (offline && awaits_session (self))
    {
      g_autofree char *when = NULL;

      if (self->loaded_at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (self->loaded_at);

          /* Translators: a day and a time, see g_date_time_format() */
          when = g_date_time_format (local, _("%-d %b %H:%M"));
        }
      if (when != NULL && self->from_cache)
        /* Translators: %s is when the list was loaded, e.g. "3 Mar 14:05" */
        text = g_strdup_printf (_("Cannot reach the portal, so you are not signed in yet. Showing the vacancies loaded on %s. Werving signs you in as soon as the portal is back."),
                                when);
      else
        text = g_strdup (_("Cannot reach the portal, so you are not signed in yet. Werving signs you in as soon as the portal is back."));
    }
  else if (offline && self->loaded_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->loaded_at);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = NULL;

      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        /* Translators: a time of day, see g_date_time_format() */
        when = g_date_time_format (local, _("%H:%M"));
      else
        /* Translators: a day and a time, see g_date_time_format() */
        when = g_date_time_format (local, _("%-d %b %H:%M"));
      /* Translators: %s is when the list was loaded, e.g. "14:05" */
      text = g_strdup_printf (_("Cannot reach the portal. Showing the vacancies loaded at %s; changes wait and are sent when it is back."),
                              when);
    }
  else if (offline)
    text = g_strdup (_("Cannot reach the portal. Changes wait and are sent when it is back."));

  gtk_label_set_text (self->offline_label, text != NULL ? text : "");
  gtk_info_bar_set_revealed (self->offline_bar, offline);
  gtk_widget_set_tooltip_text (self->publish_button, why);
  /* Renew, close and delete sit in the More menu, greyed out. */
  gtk_widget_set_tooltip_text (self->more_button, why != NULL ? why : _("More Actions"));
}

static gboolean
retry_cb (gpointer user_data)
{
  WervingVacanciesPage *self = user_data;

  self->retry_id = 0;
  werving_vacancies_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (WervingVacanciesPage *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_seconds = self->retry_seconds == 0 ? FIRST_RETRY_SECONDS
                                                 : MIN (self->retry_seconds * 2, MAX_RETRY_SECONDS);
  self->retry_id = g_timeout_add_seconds (self->retry_seconds, retry_cb, self);
}

static gboolean
matches_filter (WervingVacanciesPage *self,
                WervingVacancy       *vacancy)
{
  return self->status_filter == NULL ||
         g_strcmp0 (werving_vacancy_get_status (vacancy), self->status_filter) == 0;
}

/* New vacancies still in the outbox, as rows of their own on top. */
static void
add_queued (WervingVacanciesPage *self,
            GPtrArray            *rows)
{
  guint n;

  if (self->outbox == NULL || (self->status_filter != NULL && g_strcmp0 (self->status_filter, "draft") != 0))
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->outbox));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingOutboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->outbox), i);
      WervingVacancy *vacancy;

      if (g_strcmp0 (werving_outbox_item_get_kind (item), WERVING_OUTBOX_CREATE_VACANCY) != 0)
        continue;
      vacancy = werving_vacancy_save_item_vacancy (item);
      if (vacancy != NULL)
        g_ptr_array_insert (rows, 0, vacancy);
    }
}

/* Shows @vacancies (those matching the filter) plus the queued new ones. */
static void
show_list (WervingVacanciesPage *self,
           GPtrArray            *vacancies)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  WervingVacancy *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected != NULL ? werving_vacancy_get_id (selected) : 0;

  for (guint i = 0; i < vacancies->len; i++)
    {
      WervingVacancy *vacancy = g_ptr_array_index (vacancies, i);

      if (werving_vacancy_get_id (vacancy) > 0 && matches_filter (self, vacancy))
        g_ptr_array_add (rows, g_object_ref (vacancy));
    }
  add_queued (self, rows);

  g_list_store_splice (self->vacancies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->vacancies)),
                       rows->pdata, rows->len);

  /* A reload keeps the vacancy the user had selected. */
  for (guint i = 0; selected_id > 0 && i < rows->len; i++)
    if (werving_vacancy_get_id (g_ptr_array_index (rows, i)) == selected_id)
      gtk_single_selection_set_selected (self->selection, i);

  show_state (self, rows->len > 0 ? "list" : "empty");
}

static GPtrArray *
store_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/* The portal is away: show what was loaded last, from disk if need be. */
static gboolean
show_cached (WervingVacanciesPage *self)
{
  g_autofree char *path = cache_path (self);
  g_autoptr(GDateTime) loaded_at = NULL;
  g_autoptr(GListStore) cached = NULL;
  g_autoptr(GPtrArray) array = NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    cached = werving_vacancy_cache_load (path, &loaded_at, &error);
  if (cached == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) && error != NULL)
        g_debug ("No cached vacancies: %s", error->message);
      return FALSE;
    }

  array = store_to_array (G_LIST_MODEL (cached));
  g_clear_pointer (&self->loaded_at, g_date_time_unref);
  self->loaded_at = g_steal_pointer (&loaded_at);
  self->from_cache = TRUE;
  update_counts_from (self, G_LIST_MODEL (cached));
  show_list (self, array);
  return TRUE;
}

static void
save_cache (WervingVacanciesPage *self)
{
  g_autofree char *path = cache_path (self);
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Only the complete list; a filtered one would hide the rest offline. */
  if (path == NULL || self->status_filter != NULL)
    return;

  store = g_list_store_new (WERVING_TYPE_VACANCY);
  for (guint i = 0; i < self->loading->len; i++)
    g_list_store_append (store, g_ptr_array_index (self->loading, i));
  if (!werving_vacancy_cache_save (path, G_LIST_MODEL (store), self->loaded_at, &error))
    g_warning ("Could not keep the vacancies for offline use: %s", error->message);
}

static void
list_vacancies_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WervingVacanciesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = NULL;
  GListModel *items;
  const char *next;

  page = werving_client_list_vacancies_finish (WERVING_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
        return;

      if (werving_vacancy_save_is_offline_error (error))
        {
          gboolean shown = show_cached (self);

          schedule_retry (self);
          /* Without a cache, what is on screen stays (filtered anew). */
          if (!shown && g_list_model_get_n_items (G_LIST_MODEL (self->vacancies)) > 0)
            {
              g_autoptr(GPtrArray) on_screen = store_to_array (G_LIST_MODEL (self->vacancies));

              self->from_cache = TRUE;
              show_list (self, on_screen);
              shown = TRUE;
            }
          update_offline_state (self);
          if (shown)
            return;
        }

      message = werving_error_to_user_message (error);
      adw_status_page_set_description (self->error_page, message);
      show_state (self, "error");
      return;
    }

  items = werving_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (self->loading, g_list_model_get_item (items, i));
  update_counts (self, page);

  next = werving_page_get_next_cursor (page);
  if (next != NULL)
    {
      load_page (self, next);
      return;
    }

  g_clear_pointer (&self->loaded_at, g_date_time_unref);
  self->loaded_at = g_date_time_new_now_utc ();
  self->from_cache = FALSE;
  self->retry_seconds = 0;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  save_cache (self);
  show_list (self, self->loading);
  update_offline_state (self);
}

static void
load_page (WervingVacanciesPage *self,
           const char           *cursor)
{
  werving_client_list_vacancies_async (self->client, self->status_filter, cursor, PAGE_SIZE,
                                       self->cancellable, list_vacancies_cb,
                                       g_object_ref (self));
}

void
werving_vacancies_page_reload (WervingVacanciesPage *self)
{
  g_return_if_fail (WERVING_IS_VACANCIES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_ptr_array_set_size (self->loading, 0);

  if (self->client == NULL && self->email != NULL)
    {
      /* Start-up: the silent sign-in runs; nothing to send yet. */
      if (!self->from_cache && !show_cached (self))
        show_state (self, "loading");
      update_offline_state (self);
      return;
    }
  if (awaits_session (self))
    {
      /* No session: nothing is sent; the list comes when it signs in. */
      if (!self->from_cache && !show_cached (self))
        {
          adw_status_page_set_description (self->error_page,
                                           _("Werving cannot reach the portal, and this computer has no copy of your vacancies yet."));
          show_state (self, "error");
        }
      update_offline_state (self);
      return;
    }

  if (self->client == NULL)
    {
      g_list_store_remove_all (self->vacancies);
      g_clear_pointer (&self->loaded_at, g_date_time_unref);
      self->from_cache = FALSE;
      self->retry_seconds = 0;
      update_counts (self, NULL);
      show_state (self, "empty");
      update_offline_state (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  /* The list on screen stays readable until the new one is there. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->vacancies)) == 0)
    show_state (self, "loading");
  load_page (self, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (widget);

  /* Retry without a session: it is the sign-in that must be tried again. */
  if (awaits_session (self))
    {
      g_signal_emit (self, signals[SIGNAL_RECONNECT], 0);
      return;
    }
  werving_vacancies_page_reload (self);
}

static void
reachable_changed_cb (WervingVacanciesPage *self)
{
  update_offline_state (self);
  /* Back: replace the list of an earlier time by the portal's. */
  if (is_reachable (self) &&
      (self->from_cache || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0))
    werving_vacancies_page_reload (self);
}

WervingClient *
werving_vacancies_page_get_client (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return self->client;
}

/* Signed in (at last): load the list; until it is there the one on screen,
 * of this same account, stays. */
static void
signed_in_changed_cb (WervingVacanciesPage *self)
{
  if (werving_client_get_signed_in (self->client))
    werving_vacancies_page_reload (self);
}

/* Makes @portal and @email the account of the page; a list of another
 * account must not show for a moment, the one of this account stays. */
static void
set_identity (WervingVacanciesPage *self,
              const char           *portal,
              const char           *email)
{
  gboolean same = portal != NULL && email != NULL &&
                  g_strcmp0 (portal, self->portal) == 0 && g_strcmp0 (email, self->email) == 0;

  g_free (self->portal);
  g_free (self->email);
  self->portal = g_strdup (portal);
  self->email = g_strdup (email);
  if (same)
    return;
  g_list_store_remove_all (self->vacancies);
  g_clear_pointer (&self->loaded_at, g_date_time_unref);
  self->from_cache = FALSE;
  self->retry_seconds = 0;
}

void
werving_vacancies_page_set_account (WervingVacanciesPage *self,
                                    WervingClient        *client,
                                    const char           *email)
{
  g_return_if_fail (WERVING_IS_VACANCIES_PAGE (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (client == NULL)
    email = NULL;
  if (self->client == client && g_strcmp0 (self->email, email) == 0)
    return;

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->client, reachable_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->client, signed_in_changed_cb, self);
    }
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      g_signal_connect_object (client, "notify::reachable", G_CALLBACK (reachable_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::signed-in", G_CALLBACK (signed_in_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    werving_vacancies_page_set_outbox (self, NULL);

  set_identity (self, client != NULL ? werving_client_get_base_url (client) : NULL, email);
  werving_vacancies_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

void
werving_vacancies_page_set_client (WervingVacanciesPage *self,
                                   WervingClient        *client)
{
  WervingSession *session = client != NULL ? werving_client_get_session (client) : NULL;

  g_return_if_fail (WERVING_IS_VACANCIES_PAGE (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  werving_vacancies_page_set_account (self, client,
                                      session != NULL ? werving_session_get_account_email (session) : NULL);
}

void
werving_vacancies_page_show_cached (WervingVacanciesPage *self,
                                    const char           *portal,
                                    const char           *email)
{
  g_return_if_fail (WERVING_IS_VACANCIES_PAGE (self));
  g_return_if_fail (portal != NULL && email != NULL);

  werving_vacancies_page_set_account (self, NULL, NULL);
  set_identity (self, portal, email);
  werving_vacancies_page_reload (self);
}

static void
outbox_changed_cb (WervingVacanciesPage *self)
{
  g_autoptr(GPtrArray) shown = NULL;

  /* Only the queued new vacancies on top change. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    return;
  shown = store_to_array (G_LIST_MODEL (self->vacancies));
  show_list (self, shown);
}

static void
delivered_cb (WervingOutbox        *outbox,
              WervingOutboxItem    *item,
              GObject              *result,
              WervingVacanciesPage *self)
{
  g_autofree char *dir = NULL;
  const char *kind = werving_outbox_item_get_kind (item);

  if (g_strcmp0 (kind, WERVING_OUTBOX_CREATE_VACANCY) != 0 &&
      g_strcmp0 (kind, WERVING_OUTBOX_UPDATE_VACANCY) != 0)
    return;

  /* The portal has it now: the draft that held exactly this can go. */
  dir = drafts_dir (self);
  werving_vacancy_save_forget_drafts (dir, item);
  werving_vacancies_page_reload (self);
}

WervingOutbox *
werving_vacancies_page_get_outbox (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return self->outbox;
}

void
werving_vacancies_page_set_outbox (WervingVacanciesPage *self,
                                   WervingOutbox        *outbox)
{
  g_autoptr(GPtrArray) shown = NULL;

  g_return_if_fail (WERVING_IS_VACANCIES_PAGE (self));
  g_return_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    {
      g_signal_connect_object (outbox, "items-changed", G_CALLBACK (outbox_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (outbox, "delivered", G_CALLBACK (delivered_cb), self, 0);
    }

  /* Rows read the outbox when bound: bind them again. */
  shown = store_to_array (G_LIST_MODEL (self->vacancies));
  if (shown->len > 0)
    show_list (self, shown);
}

const char *
werving_vacancies_page_get_offline_message (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return gtk_info_bar_get_revealed (self->offline_bar) ? gtk_label_get_text (self->offline_label) : NULL;
}

WervingVacancy *
werving_vacancies_page_get_selected_vacancy (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
selection_changed_cb (WervingVacanciesPage *self)
{
  gtk_action_bar_set_revealed (self->action_bar,
                               gtk_single_selection_get_selected_item (self->selection) != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_VACANCY]);
}

static void
list_activate_cb (GtkListView          *list_view,
                  guint                 position,
                  WervingVacanciesPage *self)
{
  g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (G_LIST_MODEL (self->vacancies), position);

  /* A new vacancy still in the outbox has no id to edit yet. */
  if (vacancy != NULL && werving_vacancy_get_id (vacancy) > 0)
    g_signal_emit (self, signals[SIGNAL_VACANCY_ACTIVATED], 0, vacancy);
}

GListModel *
werving_vacancies_page_get_model (WervingVacanciesPage *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->vacancies);
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              WervingVacanciesPage     *self)
{
  gtk_list_item_set_child (item, werving_vacancy_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             WervingVacanciesPage     *self)
{
  WervingVacancy *vacancy = gtk_list_item_get_item (item);
  gboolean real = werving_vacancy_get_id (vacancy) > 0;

  werving_vacancy_row_set_vacancy (WERVING_VACANCY_ROW (gtk_list_item_get_child (item)), vacancy, self->outbox);
  /* Queued new vacancies are shown, not acted on, until the portal has them. */
  gtk_list_item_set_selectable (item, real);
  gtk_list_item_set_activatable (item, real);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               WervingVacanciesPage     *self)
{
  werving_vacancy_row_set_vacancy (WERVING_VACANCY_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
werving_vacancies_page_dispose (GObject *object)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_clear_object (&self->outbox);
  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->client, reachable_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->client, signed_in_changed_cb, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_VACANCIES_PAGE);
  /* The template's root box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  g_clear_object (&self->selection);
  g_clear_object (&self->vacancies);

  G_OBJECT_CLASS (werving_vacancies_page_parent_class)->dispose (object);
}

static void
werving_vacancies_page_finalize (GObject *object)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);

  g_free (self->status_filter);
  g_free (self->portal);
  g_free (self->email);
  g_ptr_array_unref (self->loading);
  g_clear_pointer (&self->loaded_at, g_date_time_unref);

  G_OBJECT_CLASS (werving_vacancies_page_parent_class)->finalize (object);
}

static void
werving_vacancies_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->status_filter ? self->status_filter : "");
      break;
    case PROP_SELECTED_VACANCY:
      g_value_set_object (value, werving_vacancies_page_get_selected_vacancy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_vacancies_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WervingVacanciesPage *self = WERVING_VACANCIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      werving_vacancies_page_set_client (self, g_value_get_object (value));
      break;
    case PROP_STATUS_FILTER:
      set_status_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "" or NULL shows every vacancy; otherwise one API status. */
static void
set_status_filter (WervingVacanciesPage *self,
                   const char           *status)
{
  if (status != NULL && *status == '\0')
    status = NULL;
  if (g_strcmp0 (status, self->status_filter) == 0)
    return;

  g_free (self->status_filter);
  self->status_filter = g_strdup (status);
  werving_vacancies_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

static void
werving_vacancies_page_class_init (WervingVacanciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_vacancies_page_dispose;
  object_class->finalize = werving_vacancies_page_finalize;
  object_class->get_property = werving_vacancies_page_get_property;
  object_class->set_property = werving_vacancies_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_VACANCY] =
    g_param_spec_object ("selected-vacancy", NULL, NULL, WERVING_TYPE_VACANCY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter or a double click on a vacancy: the window opens it. */
  signals[SIGNAL_VACANCY_ACTIVATED] =
    g_signal_new ("vacancy-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, WERVING_TYPE_VACANCY);
  /* Retry while the client has no session: the window signs in again. */
  signals[SIGNAL_RECONNECT] =
    g_signal_new ("reconnect", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-vacancies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, offline_bar);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, action_bar);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_draft);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_active);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_closed);
  gtk_widget_class_bind_template_child (widget_class, WervingVacanciesPage, filter_expired);

  gtk_widget_class_install_property_action (widget_class, "vacancies.filter", "status-filter");
  gtk_widget_class_install_action (widget_class, "vacancies.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "vacancies.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "vacancies.reload", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
werving_vacancies_page_init (WervingVacanciesPage *self)
{
  GtkListItemFactory *factory;

  g_type_ensure (WERVING_TYPE_VACANCY);
  g_type_ensure (WERVING_TYPE_VACANCY_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->vacancies = g_list_store_new (WERVING_TYPE_VACANCY);
  self->loading = g_ptr_array_new_with_free_func (g_object_unref);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->vacancies)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);

  update_counts (self, NULL);
  update_offline_state (self);
}
