/* portal-seed-data.h: Dutch reference data for places and synthetic CVs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *province;
  double      lat;
  double      lon;
  guint       population_k;   /* inhabitants, thousands (weights the generator) */
} PortalPlace;

#define PORTAL_OCCUPATION_MAX_SKILLS 8

typedef struct
{
  const char *code;            /* ISCO-08 unit group */
  const char *label;
  guint       edu_min;         /* education rank, see portal_education_levels */
  guint       edu_max;
  const char *skills[PORTAL_OCCUPATION_MAX_SKILLS];
} PortalOccupation;

extern const PortalPlace      portal_places[];
extern const guint            portal_n_places;
extern const PortalOccupation portal_occupations[];
extern const guint            portal_n_occupations;

/* Index 0 is unused so that a rank of 0 means "none"; 1 = vmbo … 9 = wo. */
extern const char * const     portal_education_levels[];
#define PORTAL_EDUCATION_MAX 9

/* Language codes; bit i of a CV's language mask is portal_languages[i]. */
extern const char * const     portal_languages[];
extern const guint            portal_n_languages;

extern const char * const     portal_first_names[];
extern const guint            portal_n_first_names;
extern const char * const     portal_last_names[];
extern const guint            portal_n_last_names;
extern const char * const     portal_streets[];
extern const guint            portal_n_streets;
extern const char * const     portal_company_words[];
extern const guint            portal_n_company_words;
extern const char * const     portal_company_kinds[];
extern const guint            portal_n_company_kinds;
extern const char * const     portal_institutions[];
extern const guint            portal_n_institutions;

/* Case-insensitive; NULL when unknown. */
const PortalPlace *portal_place_lookup        (const char *name);
/* 1..9, or 0 when @level is not one of the contract's levels. */
guint              portal_education_rank      (const char *level);
/* Bit index, or -1 when unknown. */
int                portal_language_index      (const char *code);
/* Words like "van", "de", "der" that are part of Dutch surnames. */
gboolean           portal_is_name_particle    (const char *word);

G_END_DECLS
