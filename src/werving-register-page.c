/* werving-register-page.c: registering an organisation (R6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "werving-error.h"
#include "werving-register-page.h"

#define MIN_PASSWORD_LENGTH 10

struct _WervingRegisterPage
{
  GtkWidget parent_instance;

  WervingClient *client;
  GCancellable *cancellable;

  AdwEntryRow *kvk_row;
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwEntryRow *contact_name_row;
  AdwEntryRow *email_row;
  AdwEntryRow *phone_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel *kvk_error;
  GtkLabel *name_error;
  GtkLabel *contact_name_error;
  GtkLabel *email_error;
  GtkLabel *phone_error;
  GtkLabel *password_error;
  GtkLabel *error_label;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (WervingRegisterPage, werving_register_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_REGISTERED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The API field each row edits, and where its message goes. */
typedef struct
{
  const char *field;
  gsize row_offset;
  gsize label_offset;
} FieldRow;

static const FieldRow field_rows[] = {
  { "kvk", G_STRUCT_OFFSET (WervingRegisterPage, kvk_row), G_STRUCT_OFFSET (WervingRegisterPage, kvk_error) },
  { "name", G_STRUCT_OFFSET (WervingRegisterPage, name_row), G_STRUCT_OFFSET (WervingRegisterPage, name_error) },
  { "contact_name", G_STRUCT_OFFSET (WervingRegisterPage, contact_name_row), G_STRUCT_OFFSET (WervingRegisterPage, contact_name_error) },
  { "email", G_STRUCT_OFFSET (WervingRegisterPage, email_row), G_STRUCT_OFFSET (WervingRegisterPage, email_error) },
  { "phone", G_STRUCT_OFFSET (WervingRegisterPage, phone_row), G_STRUCT_OFFSET (WervingRegisterPage, phone_error) },
  { "password", G_STRUCT_OFFSET (WervingRegisterPage, password_row), G_STRUCT_OFFSET (WervingRegisterPage, password_error) },
};

#define FIELD_ROW(self, f) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (f)->row_offset))
#define FIELD_LABEL(self, f) (*(GtkLabel **) G_STRUCT_MEMBER_P ((self), (f)->label_offset))

static void
clear_errors (WervingRegisterPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      gtk_widget_remove_css_class (FIELD_ROW (self, &field_rows[i]), "error");
      gtk_widget_set_visible (GTK_WIDGET (FIELD_LABEL (self, &field_rows[i])), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

gboolean
werving_register_page_show_field_error (WervingRegisterPage *self,
                                        const char          *field,
                                        const char          *message)
{
  g_return_val_if_fail (WERVING_IS_REGISTER_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkLabel *label;

      if (g_strcmp0 (field_rows[i].field, field) != 0)
        continue;

      label = FIELD_LABEL (self, &field_rows[i]);
      gtk_widget_add_css_class (FIELD_ROW (self, &field_rows[i]), "error");
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (FIELD_ROW (self, &field_rows[i])),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      return TRUE;
    }

  return FALSE;
}

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_kvk (const char *text)
{
  if (strlen (text) != 8)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
werving_register_page_validate (WervingRegisterPage *self)
{
  g_autofree char *kvk = NULL;
  g_autofree char *name = NULL;
  const char *email;
  gboolean ok = TRUE;

  g_return_val_if_fail (WERVING_IS_REGISTER_PAGE (self), FALSE);

  clear_errors (self);

  kvk = g_strstrip (g_strdup (row_text (self->kvk_row)));
  if (!is_kvk (kvk))
    ok &= !werving_register_page_show_field_error (self, "kvk",
                                                   _("A KvK number has exactly 8 digits."));
  name = g_strstrip (g_strdup (row_text (self->name_row)));
  if (*name == '\0')
    ok &= !werving_register_page_show_field_error (self, "name",
                                                   _("Enter the name of your organisation."));
  if (*row_text (self->contact_name_row) == '\0')
    ok &= !werving_register_page_show_field_error (self, "contact_name",
                                                   _("Enter the name of the contact person."));
  email = row_text (self->email_row);
  if (strchr (email, '@') == NULL || strchr (email, '@') == email || strchr (email, '@')[1] == '\0')
    ok &= !werving_register_page_show_field_error (self, "email",
                                                   _("Enter an e-mail address such as hr@example.nl."));
  if (strlen (row_text (self->phone_row)) < 6)
    ok &= !werving_register_page_show_field_error (self, "phone",
                                                   _("Enter a phone number, such as 030 123 4567."));
  if (g_utf8_strlen (row_text (self->password_row), -1) < MIN_PASSWORD_LENGTH)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("Choose a password of at least %d character.",
                                           "Choose a password of at least %d characters.",
                                           MIN_PASSWORD_LENGTH),
                                 MIN_PASSWORD_LENGTH);
      ok &= !werving_register_page_show_field_error (self, "password", message);
    }

  return ok;
}

static void
register_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(WervingRegisterPage) self = user_data;
  g_autoptr(WervingOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;

  organisation = werving_client_register_organisation_finish (WERVING_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.submit", TRUE);

  if (organisation == NULL)
    {
      const GPtrArray *fields = werving_error_get_field_errors (error);
      g_autofree char *message = werving_error_to_user_message (error);
      gboolean shown_all = fields != NULL && fields->len > 0;

      for (guint i = 0; fields != NULL && i < fields->len; i++)
        {
          const WervingFieldError *field = g_ptr_array_index (fields, i);
          g_autofree char *text = werving_field_error_to_user_message (field);

          shown_all &= werving_register_page_show_field_error (self, field->field, text);
        }
      if (g_error_matches (error, WERVING_ERROR, WERVING_ERROR_CONFLICT))
        {
          g_free (message);
          message = g_strdup (_("An organisation with this e-mail address or KvK number is already registered. Sign in instead, or use other details."));
          shown_all = FALSE;
        }
      if (!shown_all)
        {
          gtk_label_set_text (self->error_label, message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }

  g_signal_emit (self, signals[SIGNAL_REGISTERED], 0,
                 row_text (self->email_row), row_text (self->password_row));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WervingRegisterPage *self = WERVING_REGISTER_PAGE (widget);
  g_autoptr(WervingOrganisation) organisation = NULL;
  g_autofree char *kvk = NULL;

  if (self->client == NULL || !werving_register_page_validate (self))
    return;

  kvk = g_strstrip (g_strdup (row_text (self->kvk_row)));
  organisation = werving_organisation_new ();
  werving_organisation_set_kvk (organisation, kvk);
  werving_organisation_set_name (organisation, row_text (self->name_row));
  werving_organisation_set_kind (organisation,
                                 adw_combo_row_get_selected (self->kind_row) == 1 ? "intermediary" : "employer");
  werving_organisation_set_contact_name (organisation, row_text (self->contact_name_row));
  werving_organisation_set_email (organisation, row_text (self->email_row));
  werving_organisation_set_phone (organisation, row_text (self->phone_row));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_action_set_enabled (widget, "register.submit", FALSE);
  werving_client_register_organisation_async (self->client, organisation,
                                              row_text (self->password_row),
                                              self->cancellable, register_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WervingRegisterPage *self = WERVING_REGISTER_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_action_set_enabled (widget, "register.submit", TRUE);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

void
werving_register_page_set_client (WervingRegisterPage *self,
                                  WervingClient       *client)
{
  g_return_if_fail (WERVING_IS_REGISTER_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->client, client);
  clear_errors (self);
}

static void
werving_register_page_dispose (GObject *object)
{
  WervingRegisterPage *self = WERVING_REGISTER_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERVING_TYPE_REGISTER_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (werving_register_page_parent_class)->dispose (object);
}

static void
werving_register_page_class_init (WervingRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werving_register_page_dispose;

  /* Emitted with the e-mail address and password once the portal has the
   * organisation, so the window can sign in with them. */
  signals[SIGNAL_REGISTERED] =
    g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/werving/Werving/werving-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, kvk_row);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, kvk_error);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, name_error);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, contact_name_error);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, email_error);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, phone_error);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, password_error);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WervingRegisterPage, spinner);

  gtk_widget_class_install_action (widget_class, "register.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "register.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "register.cancel", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werving_register_page_init (WervingRegisterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
