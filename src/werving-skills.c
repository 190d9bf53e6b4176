/* werving-skills.c: a static vocabulary of common skills and occupations
 *
 * The lists follow what Dutch job portals use (werk.nl's skill tags, ISCO-08
 * occupation codes). Completion only suggests; the user may type any skill.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-skills.h"

static const char * const skills[] = {
  "Acquisitie", "ADR", "AFAS", "Agendabeheer", "APK", "Arbeidsrecht", "Archiveren", "AutoCAD",
  "Azure", "Barista", "Beleidsadvies", "BHV", "BIG-registratie", "BIM", "Boekhouden",
  "Bouwtekeningen lezen", "BPMN", "Btw-aangifte", "C#", "Calculatie", "Casemanagement",
  "Cisco", "CNC-programmeren", "Coachen", "Code 95", "Communicatie", "Copywriting", "CRM",
  "CSS", "Cv-ketels", "Dementie", "Diagnostiek", "Didactiek", "Docker", "ECD", "EHBO",
  "Elektrische installaties", "Engels", "Excel", "Exact Online", "Facturatie", "F-gassen",
  "Gastvrijheid", "Gespreksvoering", "Git", "Google Analytics", "HACCP", "Heftruckcertificaat",
  "HTML", "Hydrauliek", "Inkoop", "ISO 27001", "ITIL", "Java", "JavaScript", "Jaarrekening",
  "Kassa", "Klantvriendelijkheid", "Klassenmanagement", "Laden en lossen", "Lean",
  "Leidinggeven", "Linux", "Machinebediening", "Machine learning", "Medicatie", "Metselwerk",
  "Microsoft 365", "Microsoft Office", "MIG/MAG-lassen", "NEN 3140", "Netwerken",
  "Onderhoud", "Online marketing", "Orderpicken", "Persoonlijke verzorging", "PHP", "Planning",
  "PLC-programmeren", "Ploegendienst", "Pneumatiek", "Power BI", "Preventief onderhoud",
  "Projectmanagement", "Python", "Rapporteren", "React", "Reachtruck", "Relatiebeheer",
  "Rijbewijs B", "Rijbewijs C", "Rijbewijs D", "Routeplanning", "SAP", "Schilderwerk",
  "Schoonmaken", "Scrum", "SEO", "Social media", "SolidWorks", "SQL", "Storingen verhelpen",
  "Tachograaf", "Telefoneren", "Testautomatisering", "TIG-lassen", "TOPdesk", "TypeScript",
  "VCA", "Verkoop", "Verzuimbegeleiding", "Voorraadbeheer", "Warmtepompen", "Werving en selectie",
  "Windows Server", "WMS", "Wondzorg", "Zonnepanelen",
  NULL
};

static const WervingOccupation occupations[] = {
  { "1120", "Directeur" },
  { "1211", "Controller" },
  { "1219", "Teamleider" },
  { "1324", "Logistiek manager" },
  { "2142", "Civiel ingenieur" },
  { "2144", "Werktuigbouwkundig ingenieur" },
  { "2166", "Grafisch ontwerper" },
  { "2211", "Huisarts" },
  { "2221", "Verpleegkundige" },
  { "2264", "Fysiotherapeut" },
  { "2320", "Docent mbo" },
  { "2330", "Docent voortgezet onderwijs" },
  { "2341", "Leraar basisonderwijs" },
  { "2411", "Accountant" },
  { "2423", "HR-adviseur" },
  { "2431", "Marketingmedewerker" },
  { "2433", "Accountmanager" },
  { "2511", "Business analist" },
  { "2512", "Softwareontwikkelaar" },
  { "2513", "Webontwikkelaar" },
  { "2519", "Tester" },
  { "2521", "Databasebeheerder" },
  { "2522", "Systeembeheerder" },
  { "2524", "Data scientist" },
  { "2529", "Security specialist" },
  { "2611", "Jurist" },
  { "2634", "Psycholoog" },
  { "3112", "Werkvoorbereider bouw" },
  { "3113", "Technicus elektrotechniek" },
  { "3115", "Onderhoudstechnicus" },
  { "3313", "Boekhouder" },
  { "3512", "Servicedeskmedewerker" },
  { "4110", "Secretaresse" },
  { "4222", "Klantenservicemedewerker" },
  { "4311", "Administratief medewerker" },
  { "4321", "Magazijnmedewerker" },
  { "4323", "Planner logistiek" },
  { "5120", "Zelfstandig werkend kok" },
  { "5131", "Bediening" },
  { "5141", "Kapper" },
  { "5223", "Verkoopmedewerker" },
  { "5311", "Pedagogisch medewerker" },
  { "5321", "Verzorgende IG" },
  { "5414", "Beveiliger" },
  { "7112", "Metselaar" },
  { "7115", "Timmerman" },
  { "7126", "Loodgieter" },
  { "7212", "Lasser" },
  { "7231", "Automonteur" },
  { "7411", "Elektromonteur" },
  { "8322", "Bestelbusbezorger" },
  { "8332", "Vrachtwagenchauffeur" },
  { "8344", "Heftruckchauffeur" },
  { "9112", "Schoonmaker" },
  { "9321", "Productiemedewerker" },
  { "9333", "Orderpicker" },
};

const char * const *
werving_skills_get_all (void)
{
  return skills;
}

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

const WervingOccupation *
werving_occupations_get_all (guint *n_occupations)
{
  if (n_occupations != NULL)
    *n_occupations = G_N_ELEMENTS (occupations);
  return occupations;
}

GPtrArray *
werving_occupations_complete (const char *prefix,
                              guint       max_results)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (prefix != NULL ? prefix : ""));
  g_autofree char *folded = NULL;

  if (*stripped == '\0')
    return found;

  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < G_N_ELEMENTS (occupations) && found->len < max_results; i++)
    {
      g_autofree char *f = g_utf8_casefold (occupations[i].label, -1);

      if (word_has_prefix (f, folded) || g_str_has_prefix (occupations[i].code, stripped))
        g_ptr_array_add (found, (gpointer) &occupations[i]);
    }
  return found;
}

const WervingOccupation *
werving_occupations_lookup_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (occupations); i++)
    if (strcmp (occupations[i].code, code) == 0)
      return &occupations[i];
  return NULL;
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
  g_autofree char *folded = NULL;

  if (is_code (stripped, len))
    return g_steal_pointer (&stripped);

  /* "Softwareontwikkelaar (2512)", as completion writes it */
  if (len > 6 && stripped[len - 1] == ')' && stripped[len - 6] == '(' &&
      is_code (stripped + len - 5, 4))
    return g_strndup (stripped + len - 5, 4);

  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < G_N_ELEMENTS (occupations); i++)
    {
      g_autofree char *f = g_utf8_casefold (occupations[i].label, -1);

      if (strcmp (f, folded) == 0)
        return g_strdup (occupations[i].code);
    }
  return NULL;
}
