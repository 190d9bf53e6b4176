/* werving-templates.h: message templates, built in and the user's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The placeholder a template's text may hold for the vacancy's title. */
#define WERVING_TEMPLATE_VACANCY "{vacancy}"

/* The GSettings key (type a(ss): name, text) of the user's templates. */
#define WERVING_TEMPLATES_KEY "message-templates"

typedef struct
{
  char     *id;    /* "first-contact", …, or "user-N" (N: index in the key) */
  char     *name;  /* translated for built-in ones */
  char     *text;
  gboolean  built_in;
} WervingTemplate;

void              werving_template_free          (WervingTemplate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WervingTemplate, werving_template_free)

/* (transfer container): the built-in templates (translated), then the
 * user's from @settings (may be NULL: built-in only)
 */
GPtrArray        *werving_templates_list         (GSettings       *settings);
/* (transfer full) (nullable): template @id */
WervingTemplate  *werving_templates_lookup       (GSettings       *settings,
                                                  const char      *id);
/* @text with every {vacancy} replaced by @vacancy_title (or a neutral
 * phrase when NULL).
 */
char             *werving_templates_fill         (const char      *text,
                                                  const char      *vacancy_title);
/* The user's templates as (name, text) pairs; writes @names/@texts (same
 * length, NULL-terminated) to @settings.
 */
void              werving_templates_set_user     (GSettings       *settings,
                                                  const char * const *names,
                                                  const char * const *texts);
/* (transfer full): a menu of every template, each item activating
 * @action_name with the template's id (a string) as its target, and a
 * last section with @manage_action ("Manage Templates…").
 */
GMenuModel       *werving_templates_build_menu   (GSettings       *settings,
                                                  const char      *action_name,
                                                  const char      *manage_action);
/* (transfer full) (nullable): the app's settings, or NULL when the schema
 * is not installed (e.g. a test without it).
 */
GSettings        *werving_templates_get_settings (void);

G_END_DECLS
