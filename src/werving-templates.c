/* werving-templates.c: message templates, built in and the user's own
 *
 * The built-in templates are translated strings, so a Dutch desktop gets
 * Dutch ones. The user's own are the organisation's text (a name and a
 * body, never candidate data) and live in GSettings. "{vacancy}" in a
 * template becomes the title of the vacancy the conversation is about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "werving-templates.h"

typedef struct
{
  const char *id;
  const char *name;
  const char *text;
} BuiltIn;

static const BuiltIn built_ins[] = {
  { "first-contact",
    N_("First Contact"),
    N_("Hello,\n\n"
       "I came across your CV and think you could be a good fit for our vacancy “{vacancy}”. "
       "Would you like to hear more about it? I am happy to tell you more in a short phone call "
       "or by message.\n\n"
       "Kind regards,") },
  { "interview",
    N_("Invitation to an Interview"),
    N_("Hello,\n\n"
       "Thank you for your reply. We would like to invite you for an interview about the vacancy "
       "“{vacancy}”. Which days and times suit you in the coming week?\n\n"
       "Kind regards,") },
  { "follow-up",
    N_("Follow-Up"),
    N_("Hello,\n\n"
       "A little while ago I sent you a message about the vacancy “{vacancy}”. Are you still "
       "interested? I would be glad to hear from you, also if the answer is no.\n\n"
       "Kind regards,") },
  { "rejection",
    N_("Rejection"),
    N_("Hello,\n\n"
       "Thank you for your time and your interest in the vacancy “{vacancy}”. After careful "
       "consideration we have decided to continue with other candidates. We wish you every "
       "success in your search.\n\n"
       "Kind regards,") },
};

void
werving_template_free (WervingTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->text);
  g_free (self);
}

static WervingTemplate *
template_new (const char *id,
              const char *name,
              const char *text,
              gboolean    built_in)
{
  WervingTemplate *self = g_new0 (WervingTemplate, 1);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->text = g_strdup (text);
  self->built_in = built_in;
  return self;
}

GPtrArray *
werving_templates_list (GSettings *settings)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) werving_template_free);

  for (guint i = 0; i < G_N_ELEMENTS (built_ins); i++)
    g_ptr_array_add (list, template_new (built_ins[i].id, _(built_ins[i].name), _(built_ins[i].text), TRUE));

  if (settings != NULL)
    {
      g_autoptr(GVariant) user = g_settings_get_value (settings, WERVING_TEMPLATES_KEY);
      GVariantIter iter;
      const char *name, *text;
      guint n = 0;

      g_variant_iter_init (&iter, user);
      while (g_variant_iter_next (&iter, "(&s&s)", &name, &text))
        {
          g_autofree char *id = g_strdup_printf ("user-%u", n++);

          g_ptr_array_add (list, template_new (id, name, text, FALSE));
        }
    }
  return list;
}

WervingTemplate *
werving_templates_lookup (GSettings  *settings,
                          const char *id)
{
  g_autoptr(GPtrArray) list = werving_templates_list (settings);

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      WervingTemplate *template = g_ptr_array_index (list, i);

      if (g_str_equal (template->id, id))
        return g_ptr_array_steal_index (list, i);
    }
  return NULL;
}

char *
werving_templates_fill (const char *text,
                        const char *vacancy_title)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (text);
  /* Without a vacancy the placeholder stays, visibly, for the user to fill. */
  if (vacancy_title != NULL && *vacancy_title != '\0')
    g_string_replace (out, WERVING_TEMPLATE_VACANCY, vacancy_title, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
werving_templates_set_user (GSettings          *settings,
                            const char * const *names,
                            const char * const *texts)
{
  GVariantBuilder builder;

  g_return_if_fail (G_IS_SETTINGS (settings));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; names != NULL && texts != NULL && names[i] != NULL && texts[i] != NULL; i++)
    g_variant_builder_add (&builder, "(ss)", names[i], texts[i]);
  g_settings_set_value (settings, WERVING_TEMPLATES_KEY, g_variant_builder_end (&builder));
}

GMenuModel *
werving_templates_build_menu (GSettings  *settings,
                              const char *action_name,
                              const char *manage_action)
{
  g_autoptr(GPtrArray) list = werving_templates_list (settings);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) built_in = g_menu_new ();
  g_autoptr(GMenu) own = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();

  for (guint i = 0; i < list->len; i++)
    {
      WervingTemplate *template = g_ptr_array_index (list, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (template->name, NULL);

      g_menu_item_set_action_and_target_value (item, action_name, g_variant_new_string (template->id));
      g_menu_append_item (template->built_in ? built_in : own, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (built_in));
  if (g_menu_model_get_n_items (G_MENU_MODEL (own)) > 0)
    g_menu_append_section (menu, _("Your Templates"), G_MENU_MODEL (own));
  if (manage_action != NULL)
    {
      g_menu_append (manage, _("Manage Templates…"), manage_action);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (manage));
    }
  return G_MENU_MODEL (menu);
}

GSettings *
werving_templates_get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, WERVING_TEMPLATES_KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}
