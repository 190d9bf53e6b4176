/* werving-vacancy-actions.c: what a user can do with one vacancy, as actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-date-row.h"
#include "werving-drafts.h"
#include "werving-vacancy-actions.h"

/* How far ahead renewing proposes the new closing date. */
#define RENEW_DEFAULT_DAYS 30

struct _WervingVacancyActions
{
  GSimpleActionGroup   parent_instance;

  WervingClient       *client;
  WervingOrganisation *organisation;
  WervingVacancy      *vacancy;
  GtkWindow           *parent;        /* weak */
  AdwMessageDialog    *dialog;        /* weak */
  GtkCalendar         *renew_calendar;
  GCancellable        *cancellable;
  GCancellable        *organisation_cancellable;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (WervingVacancyActions, werving_vacancy_actions, G_TYPE_SIMPLE_ACTION_GROUP)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ORGANISATION,
  PROP_VACANCY,
  PROP_PARENT,
  PROP_EXPLANATION,
  PROP_BUSY,
  N_PROPS
};

enum {
  TOAST,
  VACANCY_CHANGED,
  VACANCY_DELETED,
  OPEN_EDITOR,
  OPEN_MATCHES,
  OPEN_SHORTLIST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
has_status (WervingVacancyActions *self,
            const char            *status)
{
  return self->vacancy != NULL && g_strcmp0 (werving_vacancy_get_status (self->vacancy), status) == 0;
}

static gboolean
is_verified (WervingVacancyActions *self)
{
  return self->organisation != NULL && werving_organisation_is_verified (self->organisation);
}

static void
set_enabled (WervingVacancyActions *self,
             const char            *name,
             gboolean               enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (WervingVacancyActions *self)
{
  /* Publish, close, renew and delete need the portal's verdict: not queued. */
  gboolean ready = self->vacancy != NULL && self->client != NULL && !self->busy &&
                   werving_client_get_reachable (self->client);
  gboolean draft = has_status (self, "draft");
  gboolean active = has_status (self, "active");
  gboolean ended = has_status (self, "closed") || has_status (self, "expired");

  set_enabled (self, "publish", ready && draft && is_verified (self));
  set_enabled (self, "delete", ready && draft);
  set_enabled (self, "close", ready && active);
  set_enabled (self, "renew", ready && ended && is_verified (self));
  set_enabled (self, "matches", ready && active);
  set_enabled (self, "shortlist", ready);
  set_enabled (self, "duplicate", self->vacancy != NULL && !self->busy);
  set_enabled (self, "edit", self->vacancy != NULL && !self->busy);
}

static void
set_busy (WervingVacancyActions *self,
          gboolean               busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
toast (WervingVacancyActions *self,
       const char            *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED);
}

/* Why the portal refused, as the end of a sentence. A publish refused for
 * missing fields names them: the user completes them in the editor. */
static char *
error_reason (const GError *error)
{
  const GPtrArray *field_errors = werving_error_get_field_errors (error);
  g_autoptr(GString) names = NULL;

  if (field_errors == NULL || field_errors->len == 0)
    return werving_error_to_user_message (error);

  names = g_string_new (NULL);
  for (guint i = 0; i < field_errors->len; i++)
    {
      const WervingFieldError *field_error = g_ptr_array_index (field_errors, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, field_error->field);
    }
  /* Translators: %s lists API field names, e.g. "description, place" */
  return g_strdup_printf (_("complete these fields first: %s"), names->str);
}

typedef WervingVacancy *(*FinishFunc) (WervingClient  *client,
                                       GAsyncResult   *result,
                                       GError        **error);

/* One state change on its way: publish, close or renew. */
typedef struct
{
  WervingVacancyActions *self;
  const char            *what;
  FinishFunc             finish;
} Operation;

static void
operation_free (Operation *operation)
{
  g_object_unref (operation->self);
  g_free (operation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Operation, operation_free)

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Operation) operation = user_data;
  WervingVacancyActions *self = operation->self;
  const char *what = operation->what;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) vacancy = NULL;

  vacancy = operation->finish (WERVING_CLIENT (source), result, &error);
  if (vacancy == NULL && is_cancelled (error))
    return;
  set_busy (self, FALSE);

  if (vacancy == NULL)
    {
      g_autofree char *why = error_reason (error);
      g_autofree char *text = NULL;

      if (g_str_equal (what, "publish"))
        /* Translators: %s says why */
        text = g_strdup_printf (_("Could not publish the vacancy: %s"), why);
      else if (g_str_equal (what, "close"))
        /* Translators: %s says why */
        text = g_strdup_printf (_("Could not close the vacancy: %s"), why);
      else
        /* Translators: %s says why */
        text = g_strdup_printf (_("Could not renew the vacancy: %s"), why);
      toast (self, text);
      return;
    }

  if (self->vacancy != NULL && werving_vacancy_get_id (self->vacancy) == werving_vacancy_get_id (vacancy))
    werving_vacancy_actions_set_vacancy (self, vacancy);
  if (g_str_equal (what, "publish"))
    toast (self, _("Vacancy published"));
  else if (g_str_equal (what, "close"))
    toast (self, _("Vacancy closed"));
  else
    toast (self, _("Vacancy renewed"));
  g_signal_emit (self, signals[VACANCY_CHANGED], 0, vacancy);
}

/* Starts one state change; @finish is the client's matching _finish. */
static Operation *
start (WervingVacancyActions *self,
       const char            *what,
       FinishFunc             finish)
{
  Operation *operation = g_new0 (Operation, 1);

  operation->self = g_object_ref (self);
  operation->what = what;
  operation->finish = finish;
  set_busy (self, TRUE);
  return operation;
}

static void
publish_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WervingVacancyActions *self = user_data;
  Operation *operation = start (self, "publish", werving_client_publish_vacancy_finish);

  werving_client_publish_vacancy_async (self->client, werving_vacancy_get_id (self->vacancy),
                                        self->cancellable, changed_cb, operation);
}

static AdwMessageDialog *
new_dialog (WervingVacancyActions *self,
            const char            *heading,
            const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (self->parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
close_response_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   WervingVacancyActions *self)
{
  Operation *operation;

  if (g_strcmp0 (response, "close") != 0 || self->vacancy == NULL || self->client == NULL)
    return;

  operation = start (self, "close", werving_client_close_vacancy_finish);
  werving_client_close_vacancy_async (self->client, werving_vacancy_get_id (self->vacancy),
                                      self->cancellable, changed_cb, operation);
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  WervingVacancyActions *self = user_data;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* Translators: %s is the vacancy's title */
  body = g_strdup_printf (_("Jobseekers will no longer find “%s”, and you can no longer contact candidates about it. You can renew it later."),
                          werving_vacancy_get_title (self->vacancy));
  dialog = new_dialog (self, _("Close Vacancy?"), body);
  adw_message_dialog_add_response (dialog, "close", _("C_lose Vacancy"));
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WervingVacancyActions) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "werving-deleting"));

  if (!werving_client_delete_vacancy_finish (WERVING_CLIENT (source), result, &error))
    {
      if (is_cancelled (error))
        return;
      g_autofree char *why = error_reason (error);
      g_autofree char *text = NULL;

      set_busy (self, FALSE);
      /* Translators: %s says why */
      text = g_strdup_printf (_("Could not delete the draft: %s"), why);
      toast (self, text);
      return;
    }

  set_busy (self, FALSE);
  if (self->vacancy != NULL && werving_vacancy_get_id (self->vacancy) == id)
    werving_vacancy_actions_set_vacancy (self, NULL);
  toast (self, _("Draft deleted"));
  g_signal_emit (self, signals[VACANCY_DELETED], 0, id);
}

static void
delete_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    WervingVacancyActions *self)
{
  gint64 id;

  if (g_strcmp0 (response, "delete") != 0 || self->vacancy == NULL || self->client == NULL)
    return;

  id = werving_vacancy_get_id (self->vacancy);
  g_object_set_data (G_OBJECT (self), "werving-deleting", GSIZE_TO_POINTER ((gsize) id));
  set_busy (self, TRUE);
  werving_client_delete_vacancy_async (self->client, id, self->cancellable, delete_cb, g_object_ref (self));
}

static void
delete_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  WervingVacancyActions *self = user_data;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* Translators: %s is the vacancy's title */
  body = g_strdup_printf (_("The draft “%s” will be deleted for good."),
                          werving_vacancy_get_title (self->vacancy));
  dialog = new_dialog (self, _("Delete Draft?"), body);
  adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* The new closing date may not lie in the past. */
static void
renew_day_selected_cb (GtkCalendar           *calendar,
                       WervingVacancyActions *self)
{
  g_autofree char *date = calendar_date (calendar);
  g_autofree char *today = werving_date_row_get_today ();

  if (self->dialog != NULL)
    adw_message_dialog_set_response_enabled (self->dialog, "renew", g_strcmp0 (date, today) >= 0);
}

static void
renew_response_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   WervingVacancyActions *self)
{
  g_autofree char *date = NULL;
  Operation *operation;

  if (g_strcmp0 (response, "renew") != 0 || self->vacancy == NULL || self->client == NULL)
    return;

  date = calendar_date (GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog)));
  operation = start (self, "renew", werving_client_renew_vacancy_finish);
  werving_client_renew_vacancy_async (self->client, werving_vacancy_get_id (self->vacancy), date,
                                      self->cancellable, changed_cb, operation);
}

static void
renew_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  WervingVacancyActions *self = user_data;
  AdwMessageDialog *dialog;
  GtkWidget *calendar;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) proposed = g_date_time_add_days (now, RENEW_DEFAULT_DAYS);
  g_autofree char *body = NULL;

  /* Translators: %s is the vacancy's title */
  body = g_strdup_printf (_("Choose until when “%s” is open. It becomes active again right away."),
                          werving_vacancy_get_title (self->vacancy));
  dialog = new_dialog (self, _("Renew Vacancy"), body);
  adw_message_dialog_add_response (dialog, "renew", _("_Renew"));
  adw_message_dialog_set_response_appearance (dialog, "renew", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "renew");

  calendar = gtk_calendar_new ();
  gtk_calendar_select_day (GTK_CALENDAR (calendar), proposed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Closing Date"),
                                  -1);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (renew_day_selected_cb), self, 0);
  adw_message_dialog_set_extra_child (dialog, calendar);

  g_signal_connect_object (dialog, "response", G_CALLBACK (renew_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new draft with the vacancy's contents: no closing date that has passed. */
static WervingVacancy *
duplicate (WervingVacancy *vacancy)
{
  WervingVacancy *copy = werving_drafts_copy_vacancy (vacancy, 0, "draft");
  g_autofree char *today = werving_date_row_get_today ();
  const char *closing = werving_vacancy_get_closing_date (vacancy);

  if (copy != NULL && closing != NULL && g_strcmp0 (closing, today) < 0)
    werving_vacancy_set_closing_date (copy, NULL);
  return copy;
}

static void
duplicate_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  WervingVacancyActions *self = user_data;
  g_autoptr(WervingVacancy) copy = duplicate (self->vacancy);

  if (copy != NULL)
    g_signal_emit (self, signals[OPEN_EDITOR], 0, copy);
}

static void
edit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WervingVacancyActions *self = user_data;

  g_signal_emit (self, signals[OPEN_EDITOR], 0, self->vacancy);
}

static void
matches_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WervingVacancyActions *self = user_data;

  g_signal_emit (self, signals[OPEN_MATCHES], 0, self->vacancy);
}

static void
shortlist_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  WervingVacancyActions *self = user_data;

  g_signal_emit (self, signals[OPEN_SHORTLIST], 0, self->vacancy);
}

static const GActionEntry entries[] = {
  { "publish", publish_activated, NULL, NULL, NULL, { 0 } },
  { "close", close_activated, NULL, NULL, NULL, { 0 } },
  { "renew", renew_activated, NULL, NULL, NULL, { 0 } },
  { "duplicate", duplicate_activated, NULL, NULL, NULL, { 0 } },
  { "delete", delete_activated, NULL, NULL, NULL, { 0 } },
  { "edit", edit_activated, NULL, NULL, NULL, { 0 } },
  { "matches", matches_activated, NULL, NULL, NULL, { 0 } },
  { "shortlist", shortlist_activated, NULL, NULL, NULL, { 0 } },
};

/* The organisation */

static void
get_organisation_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WervingVacancyActions) self = user_data;
  g_autoptr(WervingOrganisation) organisation = NULL;

  organisation = werving_client_get_organisation_finish (WERVING_CLIENT (source), result, NULL);
  if (organisation != NULL && self->organisation == NULL)
    werving_vacancy_actions_set_organisation (self, organisation);
}

/* Public API */

WervingVacancyActions *
werving_vacancy_actions_new (GtkWindow *parent)
{
  return g_object_new (WERVING_TYPE_VACANCY_ACTIONS, "parent", parent, NULL);
}

WervingClient *
werving_vacancy_actions_get_client (WervingVacancyActions *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ACTIONS (self), NULL);

  return self->client;
}

void
werving_vacancy_actions_set_client (WervingVacancyActions *self,
                                    WervingClient         *client)
{
  g_return_if_fail (WERVING_IS_VACANCY_ACTIONS (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (self->client == client)
    return;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_actions, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_object (client, "notify::reachable", G_CALLBACK (update_actions),
                             self, G_CONNECT_SWAPPED);

  /* Operations of another account must not land here. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->organisation_cancellable);
  g_clear_object (&self->organisation_cancellable);
  self->busy = FALSE;

  if (client != NULL && self->organisation == NULL && werving_client_get_signed_in (client))
    {
      self->organisation_cancellable = g_cancellable_new ();
      werving_client_get_organisation_async (client, self->organisation_cancellable,
                                             get_organisation_cb, g_object_ref (self));
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

WervingOrganisation *
werving_vacancy_actions_get_organisation (WervingVacancyActions *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ACTIONS (self), NULL);

  return self->organisation;
}

void
werving_vacancy_actions_set_organisation (WervingVacancyActions *self,
                                          WervingOrganisation   *organisation)
{
  g_return_if_fail (WERVING_IS_VACANCY_ACTIONS (self));
  g_return_if_fail (organisation == NULL || WERVING_IS_ORGANISATION (organisation));

  if (!g_set_object (&self->organisation, organisation))
    return;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
}

WervingVacancy *
werving_vacancy_actions_get_vacancy (WervingVacancyActions *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ACTIONS (self), NULL);

  return self->vacancy;
}

void
werving_vacancy_actions_set_vacancy (WervingVacancyActions *self,
                                     WervingVacancy        *vacancy)
{
  g_return_if_fail (WERVING_IS_VACANCY_ACTIONS (self));
  g_return_if_fail (vacancy == NULL || WERVING_IS_VACANCY (vacancy));

  if (!g_set_object (&self->vacancy, vacancy))
    return;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VACANCY]);
}

GtkWindow *
werving_vacancy_actions_get_parent (WervingVacancyActions *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ACTIONS (self), NULL);

  return self->parent;
}

void
werving_vacancy_actions_set_parent (WervingVacancyActions *self,
                                    GtkWindow             *parent)
{
  g_return_if_fail (WERVING_IS_VACANCY_ACTIONS (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (!g_set_weak_pointer (&self->parent, parent))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT]);
}

const char *
werving_vacancy_actions_get_explanation (WervingVacancyActions *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ACTIONS (self), NULL);

  if (self->organisation == NULL || is_verified (self))
    return NULL;
  if (g_strcmp0 (werving_organisation_get_verification (self->organisation), "blocked") == 0)
    return _("The portal has blocked your organisation. You cannot publish or renew vacancies; contact the portal.");
  return _("The portal has not verified your organisation yet. Until then you can write drafts, but not publish or renew vacancies.");
}

gboolean
werving_vacancy_actions_get_busy (WervingVacancyActions *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ACTIONS (self), FALSE);

  return self->busy;
}

AdwMessageDialog *
werving_vacancy_actions_get_dialog (WervingVacancyActions *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY_ACTIONS (self), NULL);

  return self->dialog;
}

/* GObject */

static void
werving_vacancy_actions_dispose (GObject *object)
{
  WervingVacancyActions *self = WERVING_VACANCY_ACTIONS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->organisation_cancellable);
  g_clear_object (&self->organisation_cancellable);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->client);
  g_clear_object (&self->organisation);
  g_clear_object (&self->vacancy);

  G_OBJECT_CLASS (werving_vacancy_actions_parent_class)->dispose (object);
}

static void
werving_vacancy_actions_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  WervingVacancyActions *self = WERVING_VACANCY_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_VACANCY:
      g_value_set_object (value, self->vacancy);
      break;
    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, werving_vacancy_actions_get_explanation (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_vacancy_actions_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  WervingVacancyActions *self = WERVING_VACANCY_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      werving_vacancy_actions_set_client (self, g_value_get_object (value));
      break;
    case PROP_ORGANISATION:
      werving_vacancy_actions_set_organisation (self, g_value_get_object (value));
      break;
    case PROP_VACANCY:
      werving_vacancy_actions_set_vacancy (self, g_value_get_object (value));
      break;
    case PROP_PARENT:
      werving_vacancy_actions_set_parent (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_vacancy_actions_class_init (WervingVacancyActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = werving_vacancy_actions_dispose;
  object_class->get_property = werving_vacancy_actions_get_property;
  object_class->set_property = werving_vacancy_actions_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, WERVING_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VACANCY] =
    g_param_spec_object ("vacancy", NULL, NULL, WERVING_TYPE_VACANCY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, GTK_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WervingVacancyActions::toast:
   * @message: a translated sentence for an AdwToast
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * WervingVacancyActions::vacancy-changed:
   * @vacancy: the vacancy as the portal now has it (published, closed, renewed)
   */
  signals[VACANCY_CHANGED] = g_signal_new ("vacancy-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, WERVING_TYPE_VACANCY);
  /**
   * WervingVacancyActions::vacancy-deleted:
   * @id: the id of the deleted draft
   */
  signals[VACANCY_DELETED] = g_signal_new ("vacancy-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * WervingVacancyActions::open-editor:
   * @vacancy: the vacancy to edit, or a new prefilled one (id 0) to
   *   pass to werving_vacancy_editor_open()
   */
  signals[OPEN_EDITOR] = g_signal_new ("open-editor", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, WERVING_TYPE_VACANCY);
  /**
   * WervingVacancyActions::open-matches:
   * @vacancy: the active vacancy whose matching candidates to show
   */
  signals[OPEN_MATCHES] = g_signal_new ("open-matches", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, WERVING_TYPE_VACANCY);
  /**
   * WervingVacancyActions::open-shortlist:
   * @vacancy: the vacancy (any status) whose shortlist to show
   */
  signals[OPEN_SHORTLIST] = g_signal_new ("open-shortlist", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, WERVING_TYPE_VACANCY);
}

static void
werving_vacancy_actions_init (WervingVacancyActions *self)
{
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  update_actions (self);
}
