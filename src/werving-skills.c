/* werving-skills.c: completion and parsing over the skills and occupations
 * of werving-occupations.c, the one vocabulary the app shares with the
 * portal's CVs. Completion only suggests; the user may type any skill.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-occupations.h"
#include "werving-skills.h"

/* TRUE when a word of @candidate (after a space, '-' or '/') starts with
 * @prefix; both already casefolded.
 */
static gboolean
word_has_prefix (const char *candidate,
                 const char *prefix)
{
  const char *p = candidate;

  while (p != NULL && *p != '\0')
    {
      if (g_str_has_prefix (p, prefix))
        return TRUE;
      p = strpbrk (p, " -/");
      if (p != NULL)
        p++;
    }
  return FALSE;
}

static gboolean
strv_contains_casefold (const char * const *strv,
                        const char         *folded)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_autofree char *f = g_utf8_casefold (strv[i], -1);

      if (strcmp (f, folded) == 0)
        return TRUE;
    }
  return FALSE;
}

const char **
werving_skills_complete (const char         *prefix,
                         const char * const *exclude,
                         guint               max_results)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (prefix != NULL ? prefix : ""));

  if (*stripped != '\0')
    {
      const char * const *skills = werving_occupation_list_get_skills ();

      folded = g_utf8_casefold (stripped, -1);
      for (guint i = 0; skills[i] != NULL && found->len < max_results; i++)
        {
          g_autofree char *f = g_utf8_casefold (skills[i], -1);

          if (word_has_prefix (f, folded) && strcmp (f, folded) != 0 &&
              !strv_contains_casefold (exclude, f))
            g_ptr_array_add (found, (gpointer) skills[i]);
        }
    }
  g_ptr_array_add (found, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

char **
werving_skills_split (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *folded;

      if (*part == '\0')
        continue;
      folded = g_utf8_casefold (part, -1);
      if (g_ptr_array_find_with_equal_func (seen, folded, g_str_equal, NULL))
        {
          g_free (folded);
          continue;
        }
      g_ptr_array_add (seen, folded);
      g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
werving_occupations_complete (const char *prefix,
                              guint       max_results)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (prefix != NULL ? prefix : ""));
  g_autofree char *folded = NULL;
  const WervingOccupationItem *occupations;
  guint n_occupations;

  if (*stripped == '\0')
    return found;

  occupations = werving_occupation_list_get_all (&n_occupations);
  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < n_occupations && found->len < max_results; i++)
    {
      const WervingOccupationItem *o = &occupations[i];
      g_autofree char *shown = g_utf8_casefold (werving_occupation_item_get_display_label (o), -1);
      g_autofree char *api = g_utf8_casefold (o->api_label, -1);

      if (word_has_prefix (shown, folded) || word_has_prefix (api, folded) ||
          g_str_has_prefix (o->code, stripped))
        g_ptr_array_add (found, (gpointer) o);
    }
  return found;
}

static gboolean
is_code (const char *text,
         gsize       len)
{
  if (len != 4)
    return FALSE;
  for (gsize i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

char *
werving_occupations_find_code (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (stripped);
  const WervingOccupationItem *occupation;

  if (is_code (stripped, len))
    return g_steal_pointer (&stripped);

  /* "Softwareontwikkelaar (2512)", as completion writes it */
  if (len > 6 && stripped[len - 1] == ')' && stripped[len - 6] == '(' &&
      is_code (stripped + len - 5, 4))
    return g_strndup (stripped + len - 5, 4);

  occupation = werving_occupation_list_find_by_label (stripped);
  return occupation != NULL ? g_strdup (occupation->code) : NULL;
}
