/* werving-completion.h: a list of suggestions under an entry row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WERVING_TYPE_COMPLETION (werving_completion_get_type ())
G_DECLARE_FINAL_TYPE (WervingCompletion, werving_completion, WERVING, COMPLETION, GObject)

/**
 * werving_completion_new:
 * @entry: a widget that is a #GtkEditable (e.g. an AdwEntryRow); the
 *   completion lives as long as @entry
 * @suggestions: (transfer none): what may be suggested, NULL-terminated
 *
 * While the user types, shows up to a handful of suggestions that contain
 * the text (those starting with it first). Up and Down move through them,
 * Enter or a click picks one, Escape hides them.
 *
 * Returns: (transfer none): the completion, owned by @entry
 */
WervingCompletion *werving_completion_new           (GtkWidget          *entry,
                                                     const char * const *suggestions);
/* The suggestions currently offered (for tests and accessibility). */
GStrv              werving_completion_get_matches   (WervingCompletion  *self);
gboolean           werving_completion_get_visible   (WervingCompletion  *self);

G_END_DECLS
