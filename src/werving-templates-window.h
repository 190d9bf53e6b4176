/* werving-templates-window.h: add, edit and remove the user's templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WERVING_TYPE_TEMPLATES_WINDOW (werving_templates_window_get_type ())
G_DECLARE_FINAL_TYPE (WervingTemplatesWindow, werving_templates_window, WERVING, TEMPLATES_WINDOW, AdwWindow)

/* @settings: where the templates live (the app's settings) */
WervingTemplatesWindow *werving_templates_window_new  (GtkWindow *parent,
                                                       GSettings *settings);
/* Opens the window for @widget's window (the "Manage Templates…" item). */
void                    werving_templates_window_show (GtkWidget *widget);

G_END_DECLS
