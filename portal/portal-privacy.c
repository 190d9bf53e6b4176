/* portal-privacy.c: R1 helpers — free-text scrubbing and coarse personalia
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "portal-privacy.h"
#include "portal-seed-data.h"

#include <stdio.h>
#include <string.h>

/* One pass for everything that identifies a person by its shape rather than
 * by a known value. Case-sensitive top-level domains keep "ASP.NET" intact. */
#define EMAIL_RE    "[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+"
#define URL_RE      "(?i:https?://|www\\.)[^\\s<>\"')\\]]*[^\\s<>\"')\\].,;:!?]"
#define DOMAIN_RE   "(?<![\\p{L}\\p{N}@.])[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*" \
                    "\\.(?:nl|com|org|net|eu|io|be|de|info|me|dev|app)(?![\\p{L}\\p{N}])(?:/(?:[^\\s<>\"')\\]]*[^\\s<>\"')\\].,;:!?])?)?"
#define PHONE_RE    "(?<![\\p{N}])\\+?\\(?\\p{N}(?:[\\s.()/\\-]{0,3}\\p{N}){8,}"
#define POSTCODE_RE "(?<![\\p{N}])[1-9][0-9]{3} ?[A-Z]{2}(?![\\p{L}\\p{N}\\-])"
/* Full dates in free text are nearly always birth dates. */
#define DATE_RE     "(?<![\\p{N}])\\p{N}{1,4}[\\-/.]\\p{N}{1,2}[\\-/.]\\p{N}{2,4}(?![\\p{N}])"

static GRegex *
structural_regex (void)
{
  static gsize regex;

  if (g_once_init_enter (&regex))
    {
      g_autoptr(GError) error = NULL;
      GRegex *r = g_regex_new (EMAIL_RE "|" URL_RE "|" DOMAIN_RE "|" PHONE_RE "|" POSTCODE_RE "|" DATE_RE,
                               G_REGEX_OPTIMIZE, 0, &error);

      g_assert_no_error (error);
      g_once_init_leave (&regex, (gsize) r);
    }

  return (GRegex *) regex;
}

/* Cheap test so that the regex only runs on text that could match. */
static gboolean
may_hold_structural_pii (const char *text)
{
  static const char * const tlds[] = { ".nl", ".com", ".org", ".net", ".eu", ".io", ".be", ".de", ".info", ".me", ".dev", ".app" };

  for (const char *p = text; *p; p++)
    if (*p == '@' || *p == '/' || g_ascii_isdigit (*p) || (*p & 0x80))
      return TRUE;

  if (strstr (text, "www") != NULL || strstr (text, "WWW") != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (tlds); i++)
    if (strstr (text, tlds[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

GStrv
portal_privacy_name_words (const char *first_name,
                           const char *last_name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *parts[] = { first_name, last_name };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *p = parts[i];

      while (p != NULL && *p)
        {
          const char *start;
          g_autofree char *word = NULL;

          while (*p && !is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          start = p;
          while (*p && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          word = g_strndup (start, p - start);
          if (word[0] != '\0' && !portal_is_name_particle (word))
            g_strv_builder_add (builder, word);
        }
    }

  return g_strv_builder_end (builder);
}

/* Replaces whole words equal (case-folded) to one of @folded_names. */
static char *
scrub_names (const char  *text,
             GPtrArray   *folded_names,
             GArray      *first_chars)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;
      gboolean candidate = FALSE;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }

      for (guint i = 0; i < first_chars->len; i++)
        if (g_array_index (first_chars, gunichar, i) == g_unichar_tolower (c))
          candidate = TRUE;

      while (*p && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (candidate)
        {
          g_autofree char *folded = g_utf8_casefold (start, p - start);

          for (guint i = 0; i < folded_names->len; i++)
            if (strcmp (folded, g_ptr_array_index (folded_names, i)) == 0)
              {
                g_string_append (out, PORTAL_PRIVACY_REDACTED);
                start = NULL;
                break;
              }
        }

      if (start != NULL)
        g_string_append_len (out, start, p - start);
    }

  return g_string_free (out, FALSE);
}

char *
portal_privacy_scrub (const char         *text,
                      const char * const *name_words)
{
  g_autofree char *structural = NULL;
  g_autoptr(GPtrArray) folded_names = NULL;
  g_autoptr(GArray) first_chars = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  if (may_hold_structural_pii (text))
    structural = g_regex_replace_literal (structural_regex (), text, -1, 0,
                                          PORTAL_PRIVACY_REDACTED, 0, NULL);
  if (structural == NULL)
    structural = g_strdup (text);

  if (name_words == NULL || name_words[0] == NULL)
    return g_steal_pointer (&structural);

  folded_names = g_ptr_array_new_with_free_func (g_free);
  first_chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  for (guint i = 0; name_words[i] != NULL; i++)
    {
      gunichar c;

      if (name_words[i][0] == '\0' || !g_utf8_validate (name_words[i], -1, NULL))
        continue;
      g_ptr_array_add (folded_names, g_utf8_casefold (name_words[i], -1));
      c = g_unichar_tolower (g_utf8_get_char (name_words[i]));
      g_array_append_val (first_chars, c);
    }

  return scrub_names (structural, folded_names, first_chars);
}

const char *
portal_privacy_age_band (const char *birth_date,
                         gint64      now_unix)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_unix);
  int y, m, d, age;

  if (birth_date == NULL || now == NULL ||
      sscanf (birth_date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      m < 1 || m > 12 || d < 1 || d > 31)
    return NULL;

  age = g_date_time_get_year (now) - y;
  if (g_date_time_get_month (now) < m ||
      (g_date_time_get_month (now) == m && g_date_time_get_day_of_month (now) < d))
    age--;

  if (age < 18)
    return "15-17";
  if (age < 25)
    return "18-24";
  if (age < 35)
    return "25-34";
  if (age < 45)
    return "35-44";
  if (age < 55)
    return "45-54";
  if (age < 65)
    return "55-64";
  return "65+";
}
