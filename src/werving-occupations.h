/* werving-occupations.h: common Dutch occupations (ISCO-08 codes) and skills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * WervingOccupationItem:
 * @code: the four-digit ISCO-08 code the API matches on
 * @api_label: the Dutch label the portal stores with the code
 * @label: the English name, translated with the context "occupation"
 */
typedef struct
{
  const char *code;
  const char *api_label;
  const char *label;
} WervingOccupationItem;

const WervingOccupationItem *werving_occupation_list_get_all      (guint                   *n_occupations);
/* The label to show, in the user's language. */
const char              *werving_occupation_item_get_display_label (const WervingOccupationItem *occupation);
const WervingOccupationItem *werving_occupation_list_find_by_code (const char *code);
/* Matches the shown label or the portal's label, case-insensitively. */
const WervingOccupationItem *werving_occupation_list_find_by_label (const char *label);

/* Skills as the portal's CVs spell them (Dutch data, not translated: the
 * portal matches skills literally), sorted, NULL-terminated.
 */
const char * const      *werving_occupation_list_get_skills   (void);

G_END_DECLS
