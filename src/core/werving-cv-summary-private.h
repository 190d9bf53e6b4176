/* werving-cv-summary-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-cv-summary.h"

G_BEGIN_DECLS

/* Fills the summary members of @self (also of a WervingCv) from @node. */
gboolean werving_cv_summary_parse_into (WervingCvSummary  *self,
                                        JsonNode          *node,
                                        GError           **error);

G_END_DECLS
