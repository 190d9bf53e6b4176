/* werving-contact-dialog.c: the first message to a candidate about a vacancy
 *
 * R2: only the organisation's active vacancies are offered; with none, the
 * dialog says why and offers to publish one, and nothing can be sent. R3:
 * today's new-contact allowance is always in view and Send is off, with
 * the reason, once it is used up. The portal allows one thread per
 * vacancy and CV (a second answers 409 conflict, without naming the
 * first), so the dialog looks the organisation's threads up first and
 * offers "Open Conversation" where one exists; should a thread appear
 * meanwhile, the refused item is dropped and that thread opened instead.
 *
 * Sending goes through the account's WervingOutbox: the text is on disk
 * until the portal has it exactly once. While the portal cannot be
 * reached the dialog says "Waiting to Send"; closing it then only hides
 * it, so it can still announce the delivery (or bring the text back if
 * the portal refuses it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-contact-dialog.h"
#include "werving-cv-format.h"
#include "werving-templates.h"
#include "werving-templates-window.h"
#include "werving-vacancies-page.h"

#define MESSAGE_MAX_CHARS 5000

struct _WervingContactDialog
{
  AdwWindow          parent_instance;

  WervingClient     *client;
  WervingOutbox     *outbox;
  WervingQuota      *quota;
  GSettings         *settings;
  GCancellable      *cancellable;
  gint64             cv_id;
  GListStore        *vacancies;
  GHashTable        *threads;     /* vacancy id → WervingThread with this CV */
  GPtrArray         *templates;   /* of WervingTemplate, as in the Template row */
  gint64             vacancy_id;
  gint64             drafts;      /* the organisation's drafts, -1 if unknown */
  char              *last_fill;   /* the text a template last put in */
  char              *reason;
  char              *failure;     /* why the portal refused the last send */
  char              *quota_text;
  WervingOutboxItem *item;        /* being sent */
  guint              loads;       /* lists still loading */
  gboolean           load_failed;
  gboolean           after_failure;
  gboolean           filling;
  AdwToastOverlay   *toast_overlay;
  guint              check_source;

  AdwWindowTitle    *window_title;
  GtkButton         *send_button;
  GtkButton         *open_button;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkLabel          *none_label;
  GtkLabel          *waiting_label;
  GtkListBox        *vacancy_list;
  GtkLabel          *existing_label;
  GtkWidget         *message_box;
  AdwComboRow       *template_row;
  GtkTextView       *text_view;
  GtkLabel          *reason_label;
  GtkImage          *quota_icon;
  GtkLabel          *quota_label;
};

G_DEFINE_FINAL_TYPE (WervingContactDialog, werving_contact_dialog, ADW_TYPE_WINDOW)

static void load (WervingContactDialog *self);

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED);
}

static char *
get_text (WervingContactDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static WervingVacancy *
selected_vacancy (WervingContactDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->vacancies));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (G_LIST_MODEL (self->vacancies), i);

      if (werving_vacancy_get_id (vacancy) == self->vacancy_id)
        return vacancy;
    }
  return NULL;
}

static WervingThread *
existing_thread (WervingContactDialog *self)
{
  return g_hash_table_lookup (self->threads, &self->vacancy_id);
}

/* Quota (R3) */

static gboolean
quota_known (WervingContactDialog *self)
{
  return self->quota != NULL &&
         werving_quota_get_new_contacts_limit (self->quota) >= 0 &&
         werving_quota_get_new_contacts_remaining (self->quota) >= 0;
}

static gboolean
quota_exhausted (WervingContactDialog *self)
{
  return quota_known (self) && werving_quota_get_new_contacts_remaining (self->quota) == 0;
}

static char *
format_reset (GDateTime *resets_at)
{
  g_autoptr(GDateTime) local = NULL;

  if (resets_at == NULL)
    return g_strdup (_("midnight UTC"));
  local = g_date_time_to_local (resets_at);
  /* Translators: the time the new-contact allowance starts again; see g_date_time_format() */
  return g_date_time_format (local, _("%H:%M"));
}

static void update_send (WervingContactDialog *self);

static void
update_quota (WervingContactDialog *self)
{
  GtkWidget *label = GTK_WIDGET (self->quota_label);

  g_clear_pointer (&self->quota_text, g_free);
  if (!quota_known (self))
    self->quota_text = g_strdup (_("New contacts left today: not known yet"));
  else
    {
      gint64 limit = werving_quota_get_new_contacts_limit (self->quota);
      g_autofree char *left = werving_format_number (werving_quota_get_new_contacts_remaining (self->quota));
      g_autofree char *total = werving_format_number (limit);

      /* Translators: "3 of 20 new contacts left today"; the plural follows the second number */
      self->quota_text = g_strdup_printf (ngettext ("%s of %s new contact left today",
                                                    "%s of %s new contacts left today", (gulong) limit),
                                          left, total);
    }
  gtk_label_set_text (self->quota_label, self->quota_text);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quota_icon), "error");
  if (quota_exhausted (self))
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->quota_icon), "error");
    }
  update_send (self);
}

/* The client's quota object takes the answer over in _finish(). */
static void
quota_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(WervingQuota) quota = NULL;
  g_autoptr(GError) error = NULL;

  quota = werving_client_get_quota_finish (WERVING_CLIENT (source), result, &error);
  if (quota == NULL && !is_cancelled (error))
    g_debug ("Could not read the quota: %s", error->message);
}

static void
refresh_quota (WervingContactDialog *self)
{
  if (self->client != NULL)
    werving_client_get_quota_async (self->client, self->cancellable, quota_cb, NULL);
}

/* Send state */

static void
set_reason (WervingContactDialog *self,
            const char           *reason,
            gboolean              is_error)
{
  g_free (self->reason);
  self->reason = g_strdup (reason);
  gtk_label_set_text (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_label), "error");
}

static void
update_send (WervingContactDialog *self)
{
  const char *state = gtk_stack_get_visible_child_name (self->stack);
  gboolean composing = g_strcmp0 (state, "compose") == 0;
  WervingThread *thread = composing ? existing_thread (self) : NULL;
  g_autofree char *text = get_text (self);
  g_autofree char *message = NULL;
  glong length;
  gboolean can_send = FALSE;

  g_strstrip (text);
  length = g_utf8_strlen (text, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->existing_label), thread != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), thread != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->send_button),
                          thread == NULL && (composing || g_strcmp0 (state, "loading") == 0));
  gtk_widget_set_sensitive (self->message_box, thread == NULL && self->item == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.open-existing", thread != NULL);

  if (!composing || thread != NULL)
    set_reason (self, NULL, FALSE);
  else if (self->outbox == NULL)
    set_reason (self, _("Messages cannot be sent until you are signed in."), TRUE);
  else if (self->item != NULL)
    set_reason (self, _("Sending…"), FALSE);
  else if (self->failure != NULL)
    {
      set_reason (self, self->failure, TRUE);
      can_send = self->vacancy_id > 0 && length > 0 && length <= MESSAGE_MAX_CHARS && !quota_exhausted (self);
    }
  else if (self->vacancy_id <= 0)
    set_reason (self, _("Choose the vacancy the message is about."), FALSE);
  else if (quota_exhausted (self))
    {
      g_autofree char *reset = format_reset (werving_quota_get_new_contacts_resets_at (self->quota));

      message = g_strdup_printf (_("You have contacted as many new candidates today as the portal allows. "
                                   "You can contact new candidates again from %s; you can still write "
                                   "in your existing conversations."), reset);
      set_reason (self, message, TRUE);
    }
  else if (length == 0)
    set_reason (self, _("Write a message to send."), FALSE);
  else if (length > MESSAGE_MAX_CHARS)
    {
      g_autofree char *max = werving_format_number (MESSAGE_MAX_CHARS);
      g_autofree char *has = werving_format_number (length);

      message = g_strdup_printf (_("A message can be at most %s characters; this one has %s."), max, has);
      set_reason (self, message, TRUE);
    }
  else
    {
      set_reason (self, NULL, FALSE);
      can_send = TRUE;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.send", can_send);
}

static void
show_state (WervingContactDialog *self,
            const char           *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, state);
  update_send (self);
}

/* Templates */

static void
fill_text (WervingContactDialog *self,
           const char           *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *current = get_text (self);

  /* Replace what a template wrote; never what the user wrote. */
  if (*g_strstrip (current) == '\0' || (self->last_fill != NULL && g_strcmp0 (current, self->last_fill) == 0))
    gtk_text_buffer_set_text (buffer, text, -1);
  else
    gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  g_free (self->last_fill);
  self->last_fill = g_strstrip (get_text (self));
}

static WervingTemplate *
selected_template (WervingContactDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (self->templates == NULL || selected >= self->templates->len)
    return NULL;
  return g_ptr_array_index (self->templates, selected);
}

static void
apply_template (WervingContactDialog *self)
{
  WervingTemplate *template = selected_template (self);
  WervingVacancy *vacancy = selected_vacancy (self);
  g_autofree char *text = NULL;

  if (template == NULL || self->filling)
    return;
  text = werving_templates_fill (template->text, vacancy != NULL ? werving_vacancy_get_title (vacancy) : NULL);
  fill_text (self, text);
}

static void
load_templates (WervingContactDialog *self)
{
  WervingTemplate *old = selected_template (self);
  g_autofree char *old_id = old != NULL ? g_strdup (old->id) : g_strdup ("first-contact");
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = werving_templates_list (self->settings);
  for (guint i = 0; i < self->templates->len; i++)
    {
      WervingTemplate *template = g_ptr_array_index (self->templates, i);

      gtk_string_list_append (names, template->name);
      if (g_str_equal (template->id, old_id))
        selected = i;
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, selected);
  self->filling = FALSE;
}

static void
template_selected_cb (WervingContactDialog *self)
{
  apply_template (self);
}

/* Vacancies */

static void
set_vacancy (WervingContactDialog *self,
             gint64                vacancy_id)
{
  g_autofree char *current = NULL;
  gboolean untouched;

  if (self->vacancy_id == vacancy_id)
    return;
  current = g_strstrip (get_text (self));
  untouched = *current == '\0' || g_strcmp0 (current, self->last_fill) == 0;
  self->vacancy_id = vacancy_id;
  g_clear_pointer (&self->failure, g_free);
  /* The template's text follows the vacancy until the user edits it. */
  if (untouched)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
      apply_template (self);
    }
  update_send (self);
}

static void
vacancy_toggled_cb (GtkCheckButton       *check,
                    WervingContactDialog *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "vacancy-id");

  if (gtk_check_button_get_active (check) && id != NULL)
    set_vacancy (self, *id);
}

static void
build_vacancy_rows (WervingContactDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->vacancies));
  GtkCheckButton *group = NULL;
  GtkCheckButton *first = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->vacancy_list))) != NULL)
    gtk_list_box_remove (self->vacancy_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingVacancy) vacancy = g_list_model_get_item (G_LIST_MODEL (self->vacancies), i);
      gint64 id = werving_vacancy_get_id (vacancy);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *closing = werving_format_date (werving_vacancy_get_closing_date (vacancy));
      g_autofree char *subtitle = NULL;
      const char *place = werving_vacancy_get_place (vacancy);

      if (g_hash_table_contains (self->threads, &id))
        subtitle = g_strdup (_("Already in conversation with this candidate"));
      else if (place != NULL && closing != NULL)
        /* Translators: a vacancy's place and closing date, e.g. "Utrecht · closes 1 Dec 2026" */
        subtitle = g_strdup_printf (_("%s · closes %s"), place, closing);
      else if (closing != NULL)
        subtitle = g_strdup_printf (_("Closes %s"), closing);
      else
        subtitle = g_strdup (place);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), werving_vacancy_get_title (vacancy));
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      werving_vacancy_get_title (vacancy), -1);
      g_object_set_data_full (G_OBJECT (check), "vacancy-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (vacancy_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->vacancy_list, row);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      /* Preselect the first vacancy without a conversation yet. */
      if (first == NULL && !g_hash_table_contains (self->threads, &id))
        first = GTK_CHECK_BUTTON (check);
    }
  if (first == NULL)
    first = group;
  if (first != NULL)
    gtk_check_button_set_active (first, TRUE);
}

static void
loads_done (WervingContactDialog *self)
{
  if (--self->loads > 0)
    return;
  if (self->load_failed)
    {
      show_state (self, "error");
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->vacancies)) == 0)
    {
      show_state (self, "none");
      return;
    }
  show_state (self, "compose");
  build_vacancy_rows (self);
  update_send (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
load_failed (WervingContactDialog *self,
             const GError         *error)
{
  g_autofree char *message = werving_error_to_user_message (error);

  adw_status_page_set_description (self->error_page, message);
  self->load_failed = TRUE;
}

/* Remembers this CV's threads, by vacancy. */
static void
add_threads (WervingContactDialog *self,
             GPtrArray            *threads)
{
  for (guint i = 0; i < threads->len; i++)
    {
      WervingThread *thread = g_ptr_array_index (threads, i);
      gint64 *key;

      if (werving_thread_get_cv_id (thread) != self->cv_id)
        continue;
      key = g_new (gint64, 1);
      *key = werving_thread_get_vacancy_id (thread);
      g_hash_table_replace (self->threads, key, g_object_ref (thread));
    }
}

static void
vacancies_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WervingContactDialog) self = user_data;
  g_autoptr(GPtrArray) vacancies = NULL;
  g_autoptr(GError) error = NULL;

  vacancies = werving_client_list_all_finish (WERVING_CLIENT (source), result, &error);
  if (vacancies == NULL && is_cancelled (error))
    return;
  if (vacancies == NULL)
    {
      load_failed (self, error);
      loads_done (self);
      return;
    }

  self->drafts = 0;
  for (guint i = 0; i < vacancies->len; i++)
    {
      WervingVacancy *vacancy = g_ptr_array_index (vacancies, i);
      const char *status = werving_vacancy_get_status (vacancy);

      /* R2: only active vacancies are offered. */
      if (g_strcmp0 (status, "active") == 0)
        g_list_store_append (self->vacancies, vacancy);
      else if (g_strcmp0 (status, "draft") == 0)
        self->drafts++;
    }
  loads_done (self);
}

static void
threads_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WervingContactDialog) self = user_data;
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GError) error = NULL;

  threads = werving_client_list_all_finish (WERVING_CLIENT (source), result, &error);
  if (threads == NULL && is_cancelled (error))
    return;
  if (threads == NULL)
    load_failed (self, error);
  else
    add_threads (self, threads);
  loads_done (self);
}

static void
load (WervingContactDialog *self)
{
  if (self->client == NULL)
    return;
  g_list_store_remove_all (self->vacancies);
  g_hash_table_remove_all (self->threads);
  self->load_failed = FALSE;
  self->vacancy_id = 0;
  show_state (self, "loading");
  self->loads += 2;
  werving_client_list_all_vacancies_async (self->client, NULL, self->cancellable, vacancies_loaded_cb,
                                           g_object_ref (self));
  werving_client_list_all_threads_async (self->client, self->cancellable, threads_loaded_cb, g_object_ref (self));
  refresh_quota (self);
}

/* Sending */

static void
toast (WervingContactDialog *self,
       const char           *title,
       gint64                thread_id)
{
  AdwToast *toast;

  if (self->toast_overlay == NULL)
    return;
  toast = adw_toast_new (title);
  if (thread_id > 0)
    {
      adw_toast_set_button_label (toast, _("Open Conversation"));
      adw_toast_set_action_name (toast, "app.open-thread");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (thread_id));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_thread (WervingContactDialog *self,
             gint64                thread_id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GApplication *application = g_application_get_default ();

  if (parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), "app.open-thread", "x", thread_id))
    return;
  if (application != NULL && g_action_group_has_action (G_ACTION_GROUP (application), "open-thread"))
    g_action_group_activate_action (G_ACTION_GROUP (application), "open-thread",
                                    g_variant_new_int64 (thread_id));
}

static void
forget_item (WervingContactDialog *self)
{
  if (self->item == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
}

/* Wiped from the outbox without being delivered (sign-out): nothing
 * left to wait for. Checked later, as delivery also removes the item
 * first and says so right after.
 */
static gboolean
check_item_idle (gpointer user_data)
{
  WervingContactDialog *self = user_data;
  guint n;

  self->check_source = 0;
  if (self->item == NULL || self->outbox == NULL)
    return G_SOURCE_REMOVE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->outbox));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WervingOutboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->outbox), i);

      if (item == self->item)
        return G_SOURCE_REMOVE;
    }
  forget_item (self);
  gtk_window_destroy (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
outbox_changed_cb (WervingContactDialog *self)
{
  if (self->item != NULL && self->check_source == 0)
    self->check_source = g_idle_add (check_item_idle, self);
}

static void
delivered_cb (WervingContactDialog *self,
              WervingOutboxItem    *item,
              GObject              *result)
{
  g_autofree char *title = NULL;
  WervingThread *thread;

  if (item != self->item || !WERVING_IS_THREAD (result))
    return;
  thread = WERVING_THREAD (result);
  forget_item (self);
  /* Not cancelled with the dialog: the client's quota object is shared. */
  werving_client_get_quota_async (self->client, NULL, quota_cb, NULL);
  /* Translators: a toast; %s is the candidate ("Kandidaat 7K3Q" or a name) */
  title = g_strdup_printf (_("Message sent to %s"), werving_thread_get_candidate_label (thread));
  toast (self, title, werving_thread_get_id (thread));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The portal refused the send. A thread for this vacancy and CV may have
 * appeared meanwhile (409 conflict): then that one opens. Otherwise the
 * text stays in the dialog with the reason, and the item goes.
 */
static void
handle_failure (WervingContactDialog *self)
{
  WervingThread *thread = existing_thread (self);

  self->after_failure = FALSE;
  if (self->item == NULL)
    return;
  if (thread != NULL)
    {
      gint64 id = werving_thread_get_id (thread);

      werving_outbox_discard (self->outbox, self->item);
      forget_item (self);
      toast (self, _("You were already in a conversation with this candidate about this vacancy"), id);
      open_thread (self, id);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  g_free (self->failure);
  self->failure = g_strdup (werving_outbox_item_get_reason (self->item) != NULL
                            ? werving_outbox_item_get_reason (self->item)
                            : _("The portal did not accept the message."));
  werving_outbox_discard (self->outbox, self->item);
  forget_item (self);
  refresh_quota (self);
  show_state (self, "compose");
  gtk_window_present (GTK_WINDOW (self));
}

static void
threads_checked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WervingContactDialog) self = user_data;
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GError) error = NULL;

  threads = werving_client_list_all_finish (WERVING_CLIENT (source), result, &error);
  if (threads == NULL)
    {
      if (!is_cancelled (error))
        handle_failure (self);
      return;
    }
  add_threads (self, threads);
  handle_failure (self);
}

static void
item_state_cb (WervingContactDialog *self)
{
  WervingOutboxItem *item = self->item;
  g_autofree char *text = NULL;
  const char *reason;

  if (item == NULL)
    return;
  switch (werving_outbox_item_get_state (item))
    {
    case WERVING_OUTBOX_STATE_FAILED:
      if (!self->after_failure)
        {
          self->after_failure = TRUE;
          werving_client_list_all_threads_async (self->client, self->cancellable, threads_checked_cb,
                                                 g_object_ref (self));
        }
      break;
    case WERVING_OUTBOX_STATE_PENDING:
      if (werving_outbox_item_get_attempts (item) == 0)
        break;
      reason = werving_outbox_item_get_reason (item);
      text = g_strdup_printf ("%s\n\n%s", reason != NULL ? reason : _("The portal cannot be reached right now."),
                              _("Your message is kept safely and goes out as soon as the portal can be "
                                "reached again, also after a restart. You can close this window."));
      gtk_label_set_text (self->waiting_label, text);
      show_state (self, "waiting");
      break;
    case WERVING_OUTBOX_STATE_SENDING:
    default:
      update_send (self);
      break;
    }
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WervingContactDialog *self = WERVING_CONTACT_DIALOG (widget);
  g_autofree char *text = get_text (self);
  WervingOutboxItem *item;

  g_clear_pointer (&self->failure, g_free);
  update_send (self);
  if (self->outbox == NULL || self->item != NULL || self->vacancy_id <= 0 ||
      existing_thread (self) != NULL || quota_exhausted (self))
    return;
  g_strstrip (text);
  if (*text == '\0' || g_utf8_strlen (text, -1) > MESSAGE_MAX_CHARS)
    return;

  item = werving_outbox_create_thread (self->outbox, self->vacancy_id, self->cv_id, text);
  self->item = g_object_ref (item);
  g_signal_connect_swapped (item, "notify::state", G_CALLBACK (item_state_cb), self);
  g_signal_connect_swapped (item, "notify::attempts", G_CALLBACK (item_state_cb), self);
  item_state_cb (self);
  update_send (self);
}

/* Other actions */

static void
open_existing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WervingContactDialog *self = WERVING_CONTACT_DIALOG (widget);
  WervingThread *thread = existing_thread (self);

  if (thread == NULL)
    return;
  open_thread (self, werving_thread_get_id (thread));
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
find_vacancies_page (GtkWidget *widget)
{
  if (WERVING_IS_VACANCIES_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_vacancies_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Publish a Vacancy…": the drafts to publish one of, or a new vacancy. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WervingContactDialog *self = WERVING_CONTACT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 drafts = self->drafts;

  gtk_window_destroy (GTK_WINDOW (self));
  if (parent == NULL)
    return;
  if (drafts > 0)
    {
      GtkWidget *page;

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-section", "s", "vacancies");
      page = find_vacancies_page (GTK_WIDGET (parent));
      if (page != NULL)
        gtk_widget_activate_action (page, "vacancies.filter", "s", "draft");
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.new-vacancy", NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load (WERVING_CONTACT_DIALOG (widget));
}

static void
manage_templates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  werving_templates_window_show (widget);
}

static gboolean
close_request_cb (WervingContactDialog *self)
{
  /* Still on its way: stay (hidden) to announce the delivery. */
  if (self->item != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return FALSE;
}

/* GObject */

static void
werving_contact_dialog_dispose (GObject *object)
{
  WervingContactDialog *self = WERVING_CONTACT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  forget_item (self);
  if (self->quota != NULL)
    g_signal_handlers_disconnect_by_data (self->quota, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_weak_pointer (&self->toast_overlay);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_CONTACT_DIALOG);
  g_clear_object (&self->quota);
  g_clear_object (&self->settings);
  g_clear_object (&self->outbox);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (werving_contact_dialog_parent_class)->dispose (object);
}

static void
werving_contact_dialog_finalize (GObject *object)
{
  WervingContactDialog *self = WERVING_CONTACT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->vacancies);
  g_clear_pointer (&self->threads, g_hash_table_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_free (self->last_fill);
  g_free (self->reason);
  g_free (self->failure);
  g_free (self->quota_text);

  G_OBJECT_CLASS (werving_contact_dialog_parent_class)->finalize (object);
}

static void
werving_contact_dialog_class_init (WervingContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_contact_dialog_dispose;
  object_class->finalize = werving_contact_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-contact-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, WervingContactDialog, name)
  CHILD (window_title);
  CHILD (send_button);
  CHILD (open_button);
  CHILD (stack);
  CHILD (spinner);
  CHILD (error_page);
  CHILD (none_label);
  CHILD (waiting_label);
  CHILD (vacancy_list);
  CHILD (existing_label);
  CHILD (message_box);
  CHILD (template_row);
  CHILD (text_view);
  CHILD (reason_label);
  CHILD (quota_icon);
  CHILD (quota_label);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "contact.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "contact.open-existing", NULL, open_existing_action);
  gtk_widget_class_install_action (widget_class, "contact.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "contact.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "contact.manage-templates", NULL, manage_templates_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
werving_contact_dialog_init (WervingContactDialog *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->vacancies = g_list_store_new (WERVING_TYPE_VACANCY);
  self->threads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->drafts = -1;

  self->settings = werving_templates_get_settings ();
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed::" WERVING_TEMPLATES_KEY,
                              G_CALLBACK (load_templates), self);
  load_templates (self);
  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (template_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (update_send), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  /* Ctrl+Enter sends; plain Enter stays a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("contact.send")));
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), shortcuts);
  update_quota (self);
}

WervingContactDialog *
werving_contact_dialog_new (GtkWindow     *parent,
                            WervingClient *client,
                            WervingOutbox *outbox,
                            gint64         cv_id,
                            const char    *headline)
{
  WervingContactDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (cv_id > 0, NULL);

  self = g_object_new (WERVING_TYPE_CONTACT_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->cv_id = cv_id;
  if (outbox != NULL)
    {
      self->outbox = g_object_ref (outbox);
      g_signal_connect_object (outbox, "delivered", G_CALLBACK (delivered_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (outbox, "items-changed", G_CALLBACK (outbox_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->quota = g_object_ref (werving_client_get_quota (client));
  g_signal_connect_swapped (self->quota, "notify", G_CALLBACK (update_quota), self);
  if (headline != NULL && *headline != '\0')
    adw_window_title_set_subtitle (self->window_title, headline);
  update_quota (self);
  load (self);
  return self;
}

void
werving_contact_dialog_set_toast_overlay (WervingContactDialog *self,
                                          AdwToastOverlay      *overlay)
{
  g_return_if_fail (WERVING_IS_CONTACT_DIALOG (self));

  g_set_weak_pointer (&self->toast_overlay, overlay);
}

const char *
werving_contact_dialog_get_state (WervingContactDialog *self)
{
  g_return_val_if_fail (WERVING_IS_CONTACT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
werving_contact_dialog_get_vacancies (WervingContactDialog *self)
{
  g_return_val_if_fail (WERVING_IS_CONTACT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->vacancies);
}

gint64
werving_contact_dialog_get_vacancy_id (WervingContactDialog *self)
{
  g_return_val_if_fail (WERVING_IS_CONTACT_DIALOG (self), 0);

  return self->vacancy_id;
}

void
werving_contact_dialog_select_vacancy (WervingContactDialog *self,
                                       gint64                vacancy_id)
{
  g_return_if_fail (WERVING_IS_CONTACT_DIALOG (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->vacancy_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      gint64 *id = check != NULL ? g_object_get_data (G_OBJECT (check), "vacancy-id") : NULL;

      if (id != NULL && *id == vacancy_id)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
}

void
werving_contact_dialog_select_template (WervingContactDialog *self,
                                        const char           *id)
{
  g_return_if_fail (WERVING_IS_CONTACT_DIALOG (self));

  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      WervingTemplate *template = g_ptr_array_index (self->templates, i);

      if (g_str_equal (template->id, id))
        {
          if (adw_combo_row_get_selected (self->template_row) == i)
            apply_template (self);
          else
            adw_combo_row_set_selected (self->template_row, i);
          return;
        }
    }
}

GtkTextBuffer *
werving_contact_dialog_get_buffer (WervingContactDialog *self)
{
  g_return_val_if_fail (WERVING_IS_CONTACT_DIALOG (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

gboolean
werving_contact_dialog_get_can_send (WervingContactDialog *self)
{
  g_return_val_if_fail (WERVING_IS_CONTACT_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->send_button)) &&
         gtk_widget_is_sensitive (GTK_WIDGET (self->send_button));
}

const char *
werving_contact_dialog_get_reason (WervingContactDialog *self)
{
  g_return_val_if_fail (WERVING_IS_CONTACT_DIALOG (self), NULL);

  return self->reason;
}

const char *
werving_contact_dialog_get_quota_text (WervingContactDialog *self)
{
  g_return_val_if_fail (WERVING_IS_CONTACT_DIALOG (self), NULL);

  return self->quota_text;
}
