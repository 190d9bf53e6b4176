/* werving-cv-view.c: one CV laid out for reading, with the CV-view quota
 *
 * The CV's widgets are built for each CV, so an anonymous CV gets no
 * personalia widgets at all (R1), not hidden ones. The quota line stays in
 * view whatever is shown, and warns before the allowance runs out (R4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-contact-dialog.h"
#include "werving-cv-format.h"
#include "werving-cv-view.h"
#include "werving-shortlist-menu.h"

struct _WervingCvView
{
  GtkWidget       parent_instance;

  WervingClient  *client;
  WervingOutbox  *outbox;
  WervingQuota   *quota;
  WervingCv      *cv;
  gint64          cv_id;
  GCancellable   *cancellable;
  GCancellable   *quota_cancellable;

  GtkButton      *back_button;
  WervingShortlistMenu *shortlist_menu;
  GtkImage       *quota_icon;
  GtkLabel       *quota_label;
  GtkRevealer    *quota_revealer;
  GtkLabel       *quota_message_label;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkButton      *retry_button;
  GtkScrolledWindow *scroller;
  GtkBox         *content_box;
};

G_DEFINE_FINAL_TYPE (WervingCvView, werving_cv_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CV,
  N_PROPS
};

enum {
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Quota */

WervingQuotaState
werving_cv_view_quota_state (WervingQuota *quota)
{
  gint64 limit, remaining;

  if (quota == NULL)
    return WERVING_QUOTA_STATE_UNKNOWN;
  limit = werving_quota_get_cv_views_limit (quota);
  remaining = werving_quota_get_cv_views_remaining (quota);
  if (limit < 0 || remaining < 0)
    return WERVING_QUOTA_STATE_UNKNOWN;
  if (remaining == 0)
    return WERVING_QUOTA_STATE_EXHAUSTED;
  /* Low: a tenth of the allowance, and never fewer than the last five. */
  if (remaining <= MAX (5, limit / 10))
    return WERVING_QUOTA_STATE_LOW;
  return WERVING_QUOTA_STATE_OK;
}

static char *
format_reset (GDateTime *resets_at)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  if (resets_at == NULL)
    return g_strdup (_("midnight UTC"));

  local = g_date_time_to_local (resets_at);
  now = g_date_time_new_now_local ();
  tomorrow = g_date_time_add_days (now, 1);
  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now) &&
      g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a time today; see g_date_time_format */
    return g_date_time_format (local, _("%H:%M"));
  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (tomorrow) &&
      g_date_time_get_year (local) == g_date_time_get_year (tomorrow))
    /* Translators: a time tomorrow; see g_date_time_format */
    return g_date_time_format (local, _("%H:%M tomorrow"));
  /* Translators: a date and time; see g_date_time_format */
  return g_date_time_format (local, _("%-d %b %Y %H:%M"));
}

char *
werving_cv_view_quota_message (WervingQuota *quota)
{
  g_autofree char *reset = NULL;
  g_autofree char *remaining = NULL;
  gint64 left;

  switch (werving_cv_view_quota_state (quota))
    {
    case WERVING_QUOTA_STATE_LOW:
      left = werving_quota_get_cv_views_remaining (quota);
      remaining = werving_format_number (left);
      reset = format_reset (werving_quota_get_cv_views_resets_at (quota));
      return g_strdup_printf (ngettext ("Only %s CV view left today. Your allowance starts again at %s.",
                                        "Only %s CV views left today. Your allowance starts again at %s.",
                                        (gulong) left),
                              remaining, reset);
    case WERVING_QUOTA_STATE_EXHAUSTED:
      reset = format_reset (werving_quota_get_cv_views_resets_at (quota));
      return g_strdup_printf (_("You have used all CV views for today. You can open CVs again from %s."),
                              reset);
    case WERVING_QUOTA_STATE_UNKNOWN:
    case WERVING_QUOTA_STATE_OK:
    default:
      return NULL;
    }
}

static void
update_quota (WervingCvView *self)
{
  WervingQuotaState state = werving_cv_view_quota_state (self->quota);
  g_autofree char *text = NULL;
  g_autofree char *message = werving_cv_view_quota_message (self->quota);
  GtkWidget *label = GTK_WIDGET (self->quota_message_label);

  if (state == WERVING_QUOTA_STATE_UNKNOWN)
    text = g_strdup (_("CV views left today: not known yet"));
  else
    {
      g_autofree char *left = werving_format_number (werving_quota_get_cv_views_remaining (self->quota));
      g_autofree char *limit = werving_format_number (werving_quota_get_cv_views_limit (self->quota));

      /* Translators: "CV views left today: 98 of 100" */
      text = g_strdup_printf (_("CV views left today: %s of %s"), left, limit);
    }
  gtk_label_set_text (self->quota_label, text);

  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quota_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quota_icon), "error");
  if (state == WERVING_QUOTA_STATE_LOW || state == WERVING_QUOTA_STATE_EXHAUSTED)
    {
      const char *css = state == WERVING_QUOTA_STATE_LOW ? "warning" : "error";

      gtk_widget_add_css_class (label, css);
      gtk_widget_add_css_class (GTK_WIDGET (self->quota_icon), css);
    }
  gtk_label_set_text (self->quota_message_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->quota_revealer, message != NULL);
}

static void
get_quota_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WervingQuota) quota = NULL;
  g_autoptr(GError) error = NULL;

  /* The client's quota object notifies; only failures are ours to note. */
  quota = werving_client_get_quota_finish (WERVING_CLIENT (source), result, &error);
  if (quota == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
    g_debug ("Could not read the quota: %s", error->message);
}

static void
quota_notify_cb (WervingCvView *self)
{
  update_quota (self);
}

/* Building the CV */

static void
clear_content (WervingCvView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

/* Free text. Not selectable: a selectable label that gets the focus
 * selects all of itself, and "Copy CV Text" copies the whole CV anyway.
 */
static GtkWidget *
add_body_label (GtkBox     *box,
                const char *text)
{
  return add_label (box, text, NULL);
}

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "werving-property");
  adw_preferences_group_add (group, row);
}

static AdwPreferencesGroup *
add_group (WervingCvView *self,
           const char    *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->content_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* Contact (R2, R3): the dialog lists the active vacancies or says why
 * there are none.
 */
static void
add_contact_button (GtkBox *box)
{
  GtkWidget *button = gtk_button_new_with_label (_("Contact about Vacancy…"));

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "cv.contact");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (box, button);
}

static void
contact_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WervingCvView *self = WERVING_CV_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  WervingContactDialog *dialog;

  if (self->client == NULL || self->cv == NULL)
    return;
  dialog = werving_contact_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->client,
                                       self->outbox, werving_cv_summary_get_id (WERVING_CV_SUMMARY (self->cv)),
                                       werving_cv_summary_get_headline (WERVING_CV_SUMMARY (self->cv)));
  werving_contact_dialog_set_toast_overlay (dialog, ADW_TOAST_OVERLAY (overlay));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
werving_cv_view_set_outbox (WervingCvView *self,
                            WervingOutbox *outbox)
{
  g_return_if_fail (WERVING_IS_CV_VIEW (self));
  g_return_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox));

  g_set_object (&self->outbox, outbox);
}

static void
build_header (WervingCvView *self,
              WervingCv     *cv)
{
  WervingCvSummary *summary = WERVING_CV_SUMMARY (cv);
  gboolean anonymous = werving_cv_summary_is_anonymous (summary);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *badge;
  const char *occupation = werving_cv_summary_get_occupation_label (summary);
  const char *headline = werving_cv_summary_get_headline (summary);

  badge = gtk_label_new (werving_format_visibility (anonymous));
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "werving-badge");
  gtk_widget_add_css_class (badge, anonymous ? "werving-badge-anonymous" : "werving-badge-open");
  gtk_box_append (GTK_BOX (box), badge);

  add_label (GTK_BOX (box), headline != NULL && *headline != '\0' ? headline : _("No headline"), "title-2");
  if (occupation != NULL)
    add_label (GTK_BOX (box), occupation, "dim-label");
  if (anonymous)
    add_label (GTK_BOX (box),
               _("This jobseeker published their CV anonymously: the portal shows no name, contact details or address."),
               "caption");
  add_contact_button (GTK_BOX (box));
  gtk_box_append (self->content_box, box);
}

static void
build_personalia (WervingCvView *self,
                  WervingCv     *cv)
{
  AdwPreferencesGroup *group;
  g_autofree char *birth = NULL;
  g_autofree char *address = NULL;
  const char *street = werving_cv_get_personalia_address (cv);
  const char *postcode = werving_cv_get_personalia_postcode (cv);
  const char *city = werving_cv_get_personalia_city (cv);

  /* R1: nothing at all for an anonymous CV, not even empty rows. */
  if (!werving_cv_has_personalia (cv) || werving_cv_summary_is_anonymous (WERVING_CV_SUMMARY (cv)))
    return;

  group = add_group (self, _("Personal Details"));
  gtk_widget_set_name (GTK_WIDGET (group), "personalia");
  add_row (group, _("Name"), werving_cv_get_personalia_name (cv));
  birth = werving_format_date (werving_cv_get_personalia_birth_date (cv));
  add_row (group, _("Date of birth"), birth);
  add_row (group, _("E-mail"), werving_cv_get_personalia_email (cv));
  add_row (group, _("Phone"), werving_cv_get_personalia_phone (cv));
  if (street != NULL || postcode != NULL || city != NULL)
    /* Translators: street, postcode and city, e.g. "Kerkstraat 1, 3511 AB Utrecht" */
    address = g_strdup_printf (_("%s, %s %s"), street != NULL ? street : "",
                               postcode != NULL ? postcode : "", city != NULL ? city : "");
  add_row (group, _("Address"), address != NULL ? g_strstrip (address) : NULL);
}

static void
build_details (WervingCvView *self,
               WervingCv     *cv)
{
  WervingCvSummary *summary = WERVING_CV_SUMMARY (cv);
  AdwPreferencesGroup *group = add_group (self, _("Details"));
  g_autofree char *hours = werving_format_hours (werving_cv_summary_get_hours_min (summary),
                                                 werving_cv_summary_get_hours_max (summary));
  g_autofree char *available = werving_format_available (werving_cv_summary_get_available_from (summary));
  g_autofree char *languages = werving_format_languages (werving_cv_summary_get_languages (summary));
  g_autofree char *updated = werving_format_updated (werving_cv_summary_get_updated_at (summary));
  const char *age = werving_cv_get_age_band (cv);
  g_autofree char *age_text = NULL;

  add_row (group, _("Occupation"), werving_cv_summary_get_occupation_label (summary));
  add_row (group, _("Region"), werving_cv_summary_get_region (summary));
  if (age != NULL)
    /* Translators: an age band, e.g. "25-34 years" */
    age_text = g_strdup_printf (_("%s years"), age);
  add_row (group, _("Age"), age_text);
  add_row (group, _("Hours"), hours);
  add_row (group, _("Education level"),
           werving_format_education_level (werving_cv_summary_get_education_level (summary)));
  add_row (group, _("Availability"), available);
  add_row (group, _("Driving licence"),
           werving_cv_summary_get_driving_licence (summary) ? _("Yes") : _("No"));
  add_row (group, _("Languages"), languages);
  add_row (group, _("Last updated"), updated);
}

static void
build_skills (WervingCvView      *self,
              const char * const *skills)
{
  AdwPreferencesGroup *group;
  GtkWidget *box;
  g_autofree char *markup = NULL;
  GtkWidget *label;

  if (skills == NULL || skills[0] == NULL)
    return;
  group = add_group (self, _("Skills"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  markup = werving_format_skills_markup (skills, NULL);
  label = add_label (GTK_BOX (box), NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  adw_preferences_group_add (group, box);
}

static char *
format_period (const char *start,
               const char *end)
{
  g_autofree char *from = werving_format_date (start);
  g_autofree char *to = werving_format_date (end);

  if (from == NULL)
    return to != NULL ? g_steal_pointer (&to) : g_strdup ("");
  if (to == NULL)
    /* Translators: a job held since a date, e.g. "Mar 2021 – now" */
    return g_strdup_printf (_("%s – now"), from);
  /* Translators: a period, e.g. "Mar 2019 – Feb 2021" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static void
build_experience (WervingCvView *self,
                  GPtrArray     *experience)
{
  AdwPreferencesGroup *group;

  if (experience == NULL || experience->len == 0)
    return;
  group = add_group (self, _("Work Experience"));
  for (guint i = 0; i < experience->len; i++)
    {
      WervingCvExperience *e = g_ptr_array_index (experience, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      g_autofree char *period = format_period (e->start, e->end);
      g_autofree char *meta = NULL;

      gtk_widget_set_margin_bottom (box, 12);
      add_label (GTK_BOX (box), e->title != NULL ? e->title : "", "heading");
      if (e->employer != NULL && *period != '\0')
        /* Translators: employer and period of a job */
        meta = g_strdup_printf (_("%s · %s"), e->employer, period);
      else
        meta = g_strdup (e->employer != NULL ? e->employer : period);
      add_label (GTK_BOX (box), meta, "dim-label");
      if (e->description != NULL && *e->description != '\0')
        add_body_label (GTK_BOX (box), e->description);
      adw_preferences_group_add (group, box);
    }
}

static void
build_education (WervingCvView *self,
                 GPtrArray     *education)
{
  AdwPreferencesGroup *group;

  if (education == NULL || education->len == 0)
    return;
  group = add_group (self, _("Education"));
  for (guint i = 0; i < education->len; i++)
    {
      WervingCvEducation *e = g_ptr_array_index (education, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      g_autofree char *title = NULL;
      g_autofree char *meta = NULL;
      const char *level = werving_format_education_level (e->level);

      gtk_widget_set_margin_bottom (box, 12);
      if (level != NULL && e->field != NULL)
        /* Translators: education level and field, e.g. "HBO Informatica" */
        title = g_strdup_printf (C_("education", "%s %s"), level, e->field);
      else
        title = g_strdup (level != NULL ? level : (e->field != NULL ? e->field : ""));
      add_label (GTK_BOX (box), title, "heading");
      if (e->institution != NULL && e->year > 0)
        meta = g_strdup_printf (_("%s · %d"), e->institution, (int) e->year);
      else if (e->institution != NULL)
        meta = g_strdup (e->institution);
      else if (e->year > 0)
        meta = g_strdup_printf ("%d", (int) e->year);
      if (meta != NULL)
        add_label (GTK_BOX (box), meta, "dim-label");
      adw_preferences_group_add (group, box);
    }
}

static void
show_cv (WervingCvView *self,
         WervingCv     *cv)
{
  const char *summary_text = werving_cv_get_summary (cv);

  g_set_object (&self->cv, cv);
  werving_shortlist_menu_set_cv_id (self->shortlist_menu, werving_cv_summary_get_id (WERVING_CV_SUMMARY (cv)));
  clear_content (self);
  build_header (self, cv);
  build_personalia (self, cv);
  if (summary_text != NULL && *summary_text != '\0')
    {
      AdwPreferencesGroup *group = add_group (self, _("Summary"));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      add_body_label (GTK_BOX (box), summary_text);
      adw_preferences_group_add (group, box);
    }
  build_details (self, cv);
  build_skills (self, werving_cv_summary_get_skills (WERVING_CV_SUMMARY (cv)));
  build_experience (self, werving_cv_get_experience (cv));
  build_education (self, werving_cv_get_education (cv));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "cv");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cv.copy-text", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CV]);
}

static void
show_state (WervingCvView *self,
            const char    *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, state);
  if (g_strcmp0 (state, "cv") != 0)
    {
      gboolean had_cv = self->cv != NULL;

      /* No personal data kept around once it is off the screen (R9). */
      clear_content (self);
      g_clear_object (&self->cv);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cv.copy-text", FALSE);
      if (had_cv)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CV]);
    }
}

static void
get_cv_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WervingCvView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingCv) cv = NULL;
  g_autofree char *message = NULL;

  cv = werving_client_get_cv_finish (WERVING_CLIENT (source), result, &error);
  if (cv != NULL)
    {
      show_cv (self, cv);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
    return;

  message = werving_error_to_user_message (error);
  adw_status_page_set_description (self->error_page, message);
  if (g_error_matches (error, WERVING_ERROR, WERVING_ERROR_QUOTA_EXCEEDED))
    {
      adw_status_page_set_title (self->error_page, _("Daily Limit Reached"));
      /* Trying again today would only be refused again. */
      gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
    }
  else
    {
      adw_status_page_set_title (self->error_page, _("Could Not Open CV"));
      gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                              !g_error_matches (error, WERVING_ERROR, WERVING_ERROR_NOT_FOUND));
    }
  show_state (self, "error");
}

void
werving_cv_view_open (WervingCvView *self,
                      gint64         id)
{
  g_return_if_fail (WERVING_IS_CV_VIEW (self));
  g_return_if_fail (id > 0);

  if (self->client == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->cv_id = id;
  show_state (self, "loading");
  werving_client_get_cv_async (self->client, id, self->cancellable, get_cv_cb, g_object_ref (self));
}

void
werving_cv_view_clear (WervingCvView *self)
{
  g_return_if_fail (WERVING_IS_CV_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  self->cv_id = 0;
  werving_shortlist_menu_set_cv_id (self->shortlist_menu, 0);
  show_state (self, "none");
}

WervingCv *
werving_cv_view_get_cv (WervingCvView *self)
{
  g_return_val_if_fail (WERVING_IS_CV_VIEW (self), NULL);

  return self->cv;
}

const char *
werving_cv_view_get_state (WervingCvView *self)
{
  g_return_val_if_fail (WERVING_IS_CV_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

WervingQuotaState
werving_cv_view_get_quota_state (WervingCvView *self)
{
  g_return_val_if_fail (WERVING_IS_CV_VIEW (self), WERVING_QUOTA_STATE_UNKNOWN);

  return werving_cv_view_quota_state (self->quota);
}

void
werving_cv_view_set_show_back (WervingCvView *self,
                               gboolean       show_back)
{
  g_return_if_fail (WERVING_IS_CV_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
}

WervingClient *
werving_cv_view_get_client (WervingCvView *self)
{
  g_return_val_if_fail (WERVING_IS_CV_VIEW (self), NULL);

  return self->client;
}

void
werving_cv_view_set_client (WervingCvView *self,
                            WervingClient *client)
{
  g_return_if_fail (WERVING_IS_CV_VIEW (self));
  g_return_if_fail (client == NULL || WERVING_IS_CLIENT (client));

  if (self->client == client)
    return;

  werving_cv_view_clear (self);
  g_cancellable_cancel (self->quota_cancellable);
  g_clear_object (&self->quota_cancellable);
  if (self->quota != NULL)
    g_signal_handlers_disconnect_by_func (self->quota, quota_notify_cb, self);
  g_clear_object (&self->quota);
  g_set_object (&self->client, client);
  werving_shortlist_menu_set_client (self->shortlist_menu, client);

  if (client != NULL)
    {
      self->quota = g_object_ref (werving_client_get_quota (client));
      g_signal_connect_swapped (self->quota, "notify", G_CALLBACK (quota_notify_cb), self);
      self->quota_cancellable = g_cancellable_new ();
      werving_client_get_quota_async (client, self->quota_cancellable, get_quota_cb, NULL);
    }
  update_quota (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/* Copy CV Text */

static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (label != NULL)
    /* Translators: a label and its value in the copied CV text */
    g_string_append_printf (out, _("%s: %s"), label, value);
  else
    g_string_append (out, value);
  g_string_append_c (out, '\n');
}

char *
werving_cv_view_dup_text (WervingCvView *self)
{
  g_autoptr(GString) out = NULL;
  WervingCvSummary *summary;
  GPtrArray *items;
  const char * const *skills;
  g_autofree char *hours = NULL;
  g_autofree char *available = NULL;
  g_autofree char *languages = NULL;

  g_return_val_if_fail (WERVING_IS_CV_VIEW (self), NULL);

  if (self->cv == NULL)
    return NULL;

  summary = WERVING_CV_SUMMARY (self->cv);
  out = g_string_new (NULL);
  append_line (out, NULL, werving_cv_summary_get_headline (summary));
  append_line (out, _("CV"), werving_format_visibility (werving_cv_summary_is_anonymous (summary)));
  if (werving_cv_has_personalia (self->cv) && !werving_cv_summary_is_anonymous (summary))
    {
      append_line (out, _("Name"), werving_cv_get_personalia_name (self->cv));
      append_line (out, _("E-mail"), werving_cv_get_personalia_email (self->cv));
      append_line (out, _("Phone"), werving_cv_get_personalia_phone (self->cv));
    }
  append_line (out, _("Occupation"), werving_cv_summary_get_occupation_label (summary));
  append_line (out, _("Region"), werving_cv_summary_get_region (summary));
  hours = werving_format_hours (werving_cv_summary_get_hours_min (summary),
                                werving_cv_summary_get_hours_max (summary));
  append_line (out, _("Hours"), hours);
  append_line (out, _("Education level"),
               werving_format_education_level (werving_cv_summary_get_education_level (summary)));
  available = werving_format_available (werving_cv_summary_get_available_from (summary));
  append_line (out, _("Availability"), available);
  languages = werving_format_languages (werving_cv_summary_get_languages (summary));
  append_line (out, _("Languages"), languages);
  skills = werving_cv_summary_get_skills (summary);
  if (skills != NULL && skills[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) skills);
      append_line (out, _("Skills"), joined);
    }
  if (werving_cv_get_summary (self->cv) != NULL)
    {
      g_string_append_c (out, '\n');
      append_line (out, NULL, werving_cv_get_summary (self->cv));
    }

  items = werving_cv_get_experience (self->cv);
  if (items != NULL && items->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Work Experience"));
      for (guint i = 0; i < items->len; i++)
        {
          WervingCvExperience *e = g_ptr_array_index (items, i);
          g_autofree char *period = format_period (e->start, e->end);

          g_string_append_printf (out, "- %s, %s (%s)\n", e->title ? e->title : "",
                                  e->employer ? e->employer : "", period);
          if (e->description != NULL && *e->description != '\0')
            g_string_append_printf (out, "  %s\n", e->description);
        }
    }
  items = werving_cv_get_education (self->cv);
  if (items != NULL && items->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Education"));
      for (guint i = 0; i < items->len; i++)
        {
          WervingCvEducation *e = g_ptr_array_index (items, i);

          g_string_append_printf (out, "- %s %s, %s", werving_format_education_level (e->level) ?: "",
                                  e->field ? e->field : "", e->institution ? e->institution : "");
          if (e->year > 0)
            g_string_append_printf (out, " (%d)", (int) e->year);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WervingCvView *self = WERVING_CV_VIEW (widget);
  g_autofree char *text = werving_cv_view_dup_text (self);

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WervingCvView *self = WERVING_CV_VIEW (widget);

  if (self->cv_id > 0)
    werving_cv_view_open (self, self->cv_id);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

/* The visibility badge; libadwaita 1.2 has no such style class. */
void
werving_cv_view_ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".werving-badge { border-radius: 999px; padding: 1px 8px;"
                                   " font-size: smaller; font-weight: bold; }"
                                   ".werving-badge-anonymous { background-color: alpha(@accent_bg_color, 0.15);"
                                   " color: @accent_color; }"
                                   ".werving-badge-open { background-color: alpha(@success_color, 0.15);"
                                   " color: @success_color; }"
                                   /* A fact's value reads first, its name small above it. */
                                   "row.werving-property label.title { font-size: smaller; opacity: 0.55; }"
                                   "row.werving-property label.subtitle { font-size: inherit; opacity: 1; }",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* GObject */

static void
werving_cv_view_dispose (GObject *object)
{
  WervingCvView *self = WERVING_CV_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->quota_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->quota_cancellable);
  if (self->quota != NULL)
    g_signal_handlers_disconnect_by_func (self->quota, quota_notify_cb, self);
  g_clear_object (&self->quota);
  g_clear_object (&self->cv);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_CV_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  g_clear_object (&self->outbox);

  G_OBJECT_CLASS (werving_cv_view_parent_class)->dispose (object);
}

static void
werving_cv_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WervingCvView *self = WERVING_CV_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CV:
      g_value_set_object (value, self->cv);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_cv_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WervingCvView *self = WERVING_CV_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      werving_cv_view_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_cv_view_class_init (WervingCvViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_cv_view_dispose;
  object_class->get_property = werving_cv_view_get_property;
  object_class->set_property = werving_cv_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CV] =
    g_param_spec_object ("cv", NULL, NULL, WERVING_TYPE_CV,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WervingCvView::back:
   *
   * The user asked to go back to the results (narrow layout).
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-cv-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, back_button);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, shortlist_menu);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, quota_icon);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, quota_label);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, quota_revealer);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, quota_message_label);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, stack);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, spinner);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, error_page);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, scroller);
  gtk_widget_class_bind_template_child (widget_class, WervingCvView, content_box);

  gtk_widget_class_install_action (widget_class, "cv.copy-text", NULL, copy_text_action);
  gtk_widget_class_install_action (widget_class, "cv.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "cv.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "cv.contact", NULL, contact_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "cv.copy-text", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
werving_cv_view_init (WervingCvView *self)
{
  g_type_ensure (WERVING_TYPE_SHORTLIST_MENU);
  gtk_widget_init_template (GTK_WIDGET (self));
  werving_cv_view_ensure_style ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cv.copy-text", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  update_quota (self);
}
