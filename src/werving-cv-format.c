/* werving-cv-format.c: how CV facts read in the interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "werving-cv-format.h"

typedef struct
{
  const char *code;
  const char *context;
  const char *label;
} Name;

/* Dutch school types keep their Dutch names in every language. */
static const Name education_levels[] = {
  { "vmbo", "education level", NC_("education level", "VMBO") },
  { "mbo-1", "education level", NC_("education level", "MBO 1") },
  { "mbo-2", "education level", NC_("education level", "MBO 2") },
  { "mbo-3", "education level", NC_("education level", "MBO 3") },
  { "mbo-4", "education level", NC_("education level", "MBO 4") },
  { "havo", "education level", NC_("education level", "HAVO") },
  { "vwo", "education level", NC_("education level", "VWO") },
  { "hbo", "education level", NC_("education level", "HBO") },
  { "wo", "education level", NC_("education level", "WO (university)") },
};

static const Name languages[] = {
  { "nl", "language", NC_("language", "Dutch") },
  { "en", "language", NC_("language", "English") },
  { "de", "language", NC_("language", "German") },
  { "fr", "language", NC_("language", "French") },
  { "es", "language", NC_("language", "Spanish") },
  { "it", "language", NC_("language", "Italian") },
  { "pl", "language", NC_("language", "Polish") },
  { "ro", "language", NC_("language", "Romanian") },
  { "bg", "language", NC_("language", "Bulgarian") },
  { "uk", "language", NC_("language", "Ukrainian") },
  { "tr", "language", NC_("language", "Turkish") },
  { "ar", "language", NC_("language", "Arabic") },
  { "fy", "language", NC_("language", "Frisian") },
  { "pap", "language", NC_("language", "Papiamento") },
  { "pt", "language", NC_("language", "Portuguese") },
  { "zh", "language", NC_("language", "Chinese") },
};

static const char * const language_codes[] = {
  "nl", "en", "de", "fr", "es", "it", "pl", "ro", "bg", "uk", "tr", "ar", "fy", "pap", "pt", "zh", NULL,
};

static const char *
lookup (const Name *names,
        gsize       n_names,
        const char *code)
{
  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < n_names; i++)
    if (strcmp (names[i].code, code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, names[i].context, names[i].label);
  return code;
}

const char *
werving_format_education_level (const char *level)
{
  return lookup (education_levels, G_N_ELEMENTS (education_levels), level);
}

const char *
werving_format_language (const char *code)
{
  return lookup (languages, G_N_ELEMENTS (languages), code);
}

const char * const *
werving_format_get_language_codes (void)
{
  return language_codes;
}

const char *
werving_format_visibility (gboolean anonymous)
{
  return anonymous ? C_("cv visibility", "Anonymous") : C_("cv visibility", "Open");
}

char *
werving_format_number (gint64 value)
{
  char buffer[64];

  /* The ' flag groups digits the locale's way: 1.234 in Dutch. */
  snprintf (buffer, sizeof buffer, "%'" G_GINT64_FORMAT, value);
  return g_strdup (buffer);
}

char *
werving_format_hours (gint64 hours_min,
                      gint64 hours_max)
{
  if (hours_min <= 0 && hours_max <= 0)
    return g_strdup ("");
  if (hours_min <= 0 || hours_min == hours_max)
    {
      gint64 h = hours_max > 0 ? hours_max : hours_min;
      return g_strdup_printf (ngettext ("%d hour a week", "%d hours a week", (gulong) h), (int) h);
    }
  if (hours_max <= 0)
    /* Translators: at least this many working hours a week */
    return g_strdup_printf (_("At least %d hours a week"), (int) hours_min);
  /* Translators: a range of working hours, e.g. "24–32 hours a week" */
  return g_strdup_printf (_("%d–%d hours a week"), (int) hours_min, (int) hours_max);
}

static gboolean
parse_date (const char *iso_date,
            GDate      *date,
            gboolean   *has_day)
{
  int y = 0, m = 0, d = 0;
  int n;

  if (iso_date == NULL)
    return FALSE;
  n = sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d);
  if (n < 2 || y < 1 || m < 1 || m > 12)
    return FALSE;
  if (n == 2)
    d = 1;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  *has_day = n == 3;
  return TRUE;
}

char *
werving_format_date (const char *iso_date)
{
  GDate date;
  gboolean has_day;
  char formatted[64] = "";

  g_date_clear (&date, 1);
  if (!parse_date (iso_date, &date, &has_day))
    return NULL;
  if (has_day)
    /* Translators: a date as in "23 Nov 2026"; see strftime */
    g_date_strftime (formatted, sizeof formatted, _("%-d %b %Y"), &date);
  else
    /* Translators: a month as in "Nov 2026"; see strftime */
    g_date_strftime (formatted, sizeof formatted, _("%b %Y"), &date);
  return g_strdup (formatted);
}

char *
werving_format_available (const char *available_from)
{
  GDate date, today;
  gboolean has_day;
  g_autofree char *formatted = NULL;

  g_date_clear (&date, 1);
  g_date_clear (&today, 1);
  if (!parse_date (available_from, &date, &has_day))
    return g_strdup (_("Available now"));

  g_date_set_time_t (&today, time (NULL));
  if (g_date_compare (&date, &today) <= 0)
    return g_strdup (_("Available now"));

  formatted = werving_format_date (available_from);
  /* Translators: "Available from 3 Dec 2026" */
  return g_strdup_printf (_("Available from %s"), formatted);
}

char *
werving_format_updated (GDateTime *updated_at)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate day, today;
  int days;
  g_autofree char *date = NULL;

  if (updated_at == NULL)
    return g_strdup ("");

  now = g_date_time_new_now_local ();
  local = g_date_time_to_local (updated_at);
  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  days = g_date_days_between (&day, &today);

  if (days <= 0)
    return g_strdup (_("Updated today"));
  if (days == 1)
    return g_strdup (_("Updated yesterday"));
  if (days < 31)
    return g_strdup_printf (ngettext ("Updated %d day ago", "Updated %d days ago", (gulong) days), days);

  date = g_date_time_format (local, _("%-d %b %Y"));
  /* Translators: "Updated 12 Nov 2026" */
  return g_strdup_printf (_("Updated %s"), date);
}

char *
werving_format_languages (const char * const *codes)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: separates items of a list, "Dutch, English" */
        g_string_append (out, _(", "));
      g_string_append (out, werving_format_language (codes[i]));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
werving_format_skill_matched (const char         *skill,
                              const char * const *matched)
{
  g_autofree char *folded = g_utf8_casefold (skill, -1);

  for (guint i = 0; matched != NULL && matched[i] != NULL; i++)
    {
      g_autofree char *m = NULL;

      if (!g_str_has_prefix (matched[i], "skills:"))
        continue;
      m = g_utf8_casefold (matched[i] + strlen ("skills:"), -1);
      if (strcmp (m, folded) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
werving_format_matched (const char * const *matched)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_skills = 0;

  for (guint i = 0; matched != NULL && matched[i] != NULL; i++)
    {
      const char *m = matched[i];

      if (g_str_has_prefix (m, "skills:"))
        n_skills++;
      else if (strcmp (m, "occupation") == 0)
        g_ptr_array_add (parts, g_strdup (C_("matched criterion", "occupation")));
      else if (strcmp (m, "place") == 0)
        g_ptr_array_add (parts, g_strdup (C_("matched criterion", "place")));
      else if (strcmp (m, "education") == 0)
        g_ptr_array_add (parts, g_strdup (C_("matched criterion", "education")));
      else if (strcmp (m, "hours") == 0)
        g_ptr_array_add (parts, g_strdup (C_("matched criterion", "hours")));
    }
  if (n_skills > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skill", "%u skills", n_skills), n_skills));
  if (parts->len == 0)
    return NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0 && i + 1 == parts->len)
        /* Translators: before the last item of a list, "place and 2 skills" */
        g_string_append (out, _(" and "));
      else if (i > 0)
        g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  /* Translators: "Matches occupation, place and 2 skills" */
  return g_strdup_printf (_("Matches %s"), out->str);
}

char *
werving_format_skills_markup (const char * const *skills,
                              const char * const *matched)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; skills != NULL && skills[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (skills[i], -1);

      if (i > 0)
        g_string_append (out, " · ");
      if (werving_format_skill_matched (skills[i], matched))
        /* The accent blue at low alpha reads on light and dark styles. */
        g_string_append_printf (out, "<span weight=\"bold\" background=\"#3584e4\" bgalpha=\"25%%\">%s</span>",
                                escaped);
      else
        g_string_append (out, escaped);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
