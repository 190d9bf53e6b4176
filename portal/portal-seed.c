/* portal-seed.c: deterministic synthetic Dutch CVs
 *
 * Every CV comes from its own random stream (seed, index), so a CV does not
 * depend on the ones before it. About a quarter of the summaries, and some
 * experience entries, mention the person's own name, e-mail, phone, street
 * or profile link, as real ones do, so that R1 scrubbing is exercised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-error.h"
#include "portal-seed.h"
#include "portal-seed-data.h"
#include "portal-store-cvs-private.h"

#include <string.h>

#define DAY ((gint64) 24 * 3600)
/* Spread of updated_at: slightly over the validity period, so that about
 * 5 % of the CVs are expired. */
#define UPDATE_SPAN_DAYS 190

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  /* splitmix64 */
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (rng_next (rng) % n);
}

static double
rng_unit (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static const char *
rng_pick (Rng                *rng,
          const char * const *items,
          guint               n)
{
  return items[rng_below (rng, n)];
}

#define PICK(rng, array) rng_pick ((rng), (array), G_N_ELEMENTS (array))

static const char * const adjectives[] = {
  "Ervaren", "Gemotiveerde", "Allround", "Zelfstandige", "Enthousiaste", "Betrouwbare",
  "Leergierige", "Flexibele", "Senior", "Junior", "Praktisch ingestelde", "Klantgerichte",
};

static const char * const closings[] = {
  "Ik werk nauwkeurig, ben stipt en houd van aanpakken.",
  "Ik zoek een team waar ik kan groeien en mijn vakkennis kan delen.",
  "Ik ben per direct beschikbaar en flexibel in werktijden.",
  "Goede communicatie en veiligheid staan bij mij voorop.",
  "Ik spreek vloeiend Nederlands en redelijk Engels.",
  "Het liefst werk ik in een klein, hecht team.",
};

static const char * const mail_domains[] = {
  "example.nl", "example.com", "example.org", "mail.example.nl",
};

static const char * const area_codes[] = {
  "020", "010", "030", "040", "050", "070", "013", "024", "026", "038", "043", "053", "058", "071", "072", "076",
};

static const char * const generic_skills[] = {
  "Microsoft Office", "Teamspeler", "Engels", "Plannen", "Klantvriendelijkheid", "Communicatie", "EHBO", "BHV",
};

/* Literal formats, so the compiler checks every argument. */
static void
append_opening (GString    *s,
                guint       which,
                const char *label,
                guint       years,
                const char *place)
{
  switch (which % 4)
    {
    case 0:
      g_string_append_printf (s, "Ik ben een %s met %u jaar ervaring in de regio %s.", label, years, place);
      break;
    case 1:
      g_string_append_printf (s, "Als %s werk ik al %u jaar met plezier, vooral rond %s.", label, years, place);
      break;
    case 2:
      g_string_append_printf (s, "Na %u jaar als %s zoek ik een nieuwe uitdaging in of rond %s.", years, label, place);
      break;
    default:
      g_string_append_printf (s, "Met %u jaar ervaring als %s ben ik op zoek naar een vaste baan in %s.", years, label, place);
    }
}

static void
append_strength (GString    *s,
                 guint       which,
                 const char *a,
                 const char *b)
{
  switch (which % 4)
    {
    case 0:
      g_string_append_printf (s, "Ik ben sterk in %s en %s.", a, b);
      break;
    case 1:
      g_string_append_printf (s, "Collega's waarderen mijn kennis van %s en mijn aanpak bij %s.", a, b);
      break;
    case 2:
      g_string_append_printf (s, "Mijn kracht ligt bij %s; daarnaast heb ik ervaring met %s.", a, b);
      break;
    default:
      g_string_append_printf (s, "Ik heb cursussen gevolgd in %s en %s.", a, b);
    }
}

static void
append_duty (GString    *s,
             guint       which,
             const char *a,
             const char *b)
{
  switch (which % 4)
    {
    case 0:
      g_string_append_printf (s, "Verantwoordelijk voor %s en %s.", a, b);
      break;
    case 1:
      g_string_append_printf (s, "Dagelijks bezig met %s; daarnaast %s voor nieuwe collega's.", a, b);
      break;
    case 2:
      g_string_append_printf (s, "Uitvoeren van %s, met aandacht voor kwaliteit en %s.", a, b);
      break;
    default:
      g_string_append_printf (s, "Zelfstandig %s en het bijhouden van %s.", a, b);
    }
}

typedef struct
{
  GPtrArray          *strings;    /* owns everything below */
  PortalCvRecord      record;
  PortalCvExperience  experience[4];
  PortalCvEducation   education[2];
  const char         *skills[PORTAL_OCCUPATION_MAX_SKILLS + 3];
} Generated;

static const char *
keep (Generated *g,
      char      *string)
{
  g_ptr_array_add (g->strings, string);
  return string;
}

/* "Jan" + "de Vries" -> "jan.devries": ASCII, no spaces. */
static char *
mail_local_part (const char *first,
                 const char *last)
{
  g_autofree char *joined = g_strdup_printf ("%s.%s", first, last);
  g_autofree char *ascii = g_str_to_ascii (joined, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '.')
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static char *
make_phone (Rng *rng)
{
  guint n = rng_below (rng, 100000000);

  switch (rng_below (rng, 5))
    {
    case 0:
      return g_strdup_printf ("06-%08u", n);
    case 1:
      return g_strdup_printf ("+31 6 %04u %04u", n / 10000, n % 10000);
    case 2:
      return g_strdup_printf ("06 %02u %02u %02u %02u", n / 1000000, n / 10000 % 100, n / 100 % 100, n % 100);
    case 3:
      return g_strdup_printf ("%s-%07u", PICK (rng, area_codes), n % 10000000);
    default:
      return g_strdup_printf ("06%08u", n);
    }
}

/* A nine-digit number that passes the BSN eleven test. */
static char *
make_national_id (Rng *rng)
{
  for (;;)
    {
      guint digits[9];
      guint sum = 0;

      digits[0] = 1 + rng_below (rng, 9);
      for (guint i = 1; i < 8; i++)
        digits[i] = rng_below (rng, 10);
      for (guint i = 0; i < 8; i++)
        sum += digits[i] * (9 - i);
      digits[8] = sum % 11;
      if (digits[8] < 10)
        return g_strdup_printf ("%u%u%u%u%u%u%u%u%u", digits[0], digits[1], digits[2], digits[3],
                                digits[4], digits[5], digits[6], digits[7], digits[8]);
    }
}

static guint
pick_place (Rng         *rng,
            const guint *cumulative)
{
  guint total = cumulative[portal_n_places - 1];
  guint x = rng_below (rng, total);
  guint lo = 0, hi = portal_n_places - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cumulative[mid] > x)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

static char *
lower_first (const char *label)
{
  /* Keep acronyms such as "HR-adviseur" and "CNC-operator" as they are. */
  if (g_ascii_isupper (label[0]) && g_ascii_isupper (label[1]))
    return g_strdup (label);
  return g_strdup_printf ("%c%s", g_ascii_tolower (label[0]), label + 1);
}

static void
generate (Generated   *g,
          guint64      seed,
          guint64      index,
          gint64       now,
          gint64       updated_at,
          const guint *cumulative)
{
  Rng rng = { seed * G_GUINT64_CONSTANT (0xD1B54A32D192ED03) ^ (index + 1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) };
  PortalCvRecord *r = &g->record;
  const PortalOccupation *occ;
  const PortalPlace *place;
  guint n_occ_skills = 0, n_skills = 0, years, age, birth_year;
  g_autofree char *label = NULL;
  g_autofree char *local = NULL;
  GString *summary;
  double v;
  gint64 today = now / DAY;

  memset (r, 0, sizeof *r);
  rng_next (&rng);

  v = rng_unit (&rng);
  r->visibility = v < 0.05 ? PORTAL_CV_HIDDEN : v < 0.26 ? PORTAL_CV_OPEN : PORTAL_CV_ANONYMOUS;
  r->updated_at = updated_at;
  r->created_at = updated_at - (gint64) rng_below (&rng, 3 * 365) * DAY;
  r->place_index = pick_place (&rng, cumulative);
  place = &portal_places[r->place_index];
  r->occupation_index = rng_below (&rng, portal_n_occupations);
  occ = &portal_occupations[r->occupation_index];
  r->education_rank = occ->edu_min + rng_below (&rng, occ->edu_max - occ->edu_min + 1);
  r->hours_max = 16 + 4 * rng_below (&rng, 7);
  if (r->hours_max == 40 && rng_below (&rng, 2))
    r->hours_max = 38;
  r->hours_min = MAX (8, (int) r->hours_max - 4 * (int) rng_below (&rng, 4));
  r->driving_licence = rng_unit (&rng) < 0.7;
  r->available_from_day = today - 30 + rng_below (&rng, 120);

  r->language_mask = 0;
  if (rng_unit (&rng) < 0.93)
    r->language_mask |= 1u << 0;
  if (rng_unit (&rng) < 0.6)
    r->language_mask |= 1u << 1;
  if (rng_unit (&rng) < 0.15)
    r->language_mask |= 1u << 2;
  if (rng_unit (&rng) < 0.08)
    r->language_mask |= 1u << 3;
  if (rng_unit (&rng) < 0.3)
    r->language_mask |= 1u << (4 + rng_below (&rng, portal_n_languages - 4));
  if (r->language_mask == 0)
    r->language_mask = 1u << 1;

  r->first_name = portal_first_names[rng_below (&rng, portal_n_first_names)];
  r->last_name = portal_last_names[rng_below (&rng, portal_n_last_names)];
  age = 18 + rng_below (&rng, 49);
  {
    g_autoptr(GDateTime) now_dt = g_date_time_new_from_unix_utc (now);

    birth_year = g_date_time_get_year (now_dt) - age;
    guint month = 1 + rng_below (&rng, 12);
    guint day = 1 + rng_below (&rng, 28);

    r->birth_date = keep (g, g_strdup_printf ("%04u-%02u-%02u", birth_year, month, day));
  }
  local = mail_local_part (r->first_name, r->last_name);
  {
    guint number = rng_below (&rng, 100);
    const char *domain = PICK (&rng, mail_domains);

    r->email = keep (g, g_strdup_printf ("%s%u@%s", local, number, domain));
  }
  r->phone = keep (g, make_phone (&rng));
  r->street = portal_streets[rng_below (&rng, portal_n_streets)];
  r->house_number = keep (g, g_strdup_printf ("%u", 1 + rng_below (&rng, 180)));
  {
    guint digits = 1000 + rng_below (&rng, 9000);
    char first = 'A' + rng_below (&rng, 26);
    char second = 'A' + rng_below (&rng, 26);

    r->postcode = keep (g, g_strdup_printf ("%04u %c%c", digits, first, second));
  }
  r->national_id = keep (g, make_national_id (&rng));
  if (rng_unit (&rng) < 0.3)
    r->photo_url = keep (g, g_strdup_printf ("https://foto.example.nl/%016" G_GINT64_MODIFIER "x.jpg",
                                             rng_next (&rng)));
  if (rng_unit (&rng) < 0.4)
    r->linkedin = keep (g, g_strdup_printf ("https://www.linkedin.com/in/%s-%u",
                                            local, rng_below (&rng, 1000)));

  /* Skills: a few from the occupation, sometimes a generic one. */
  while (n_occ_skills < PORTAL_OCCUPATION_MAX_SKILLS && occ->skills[n_occ_skills] != NULL)
    n_occ_skills++;
  {
    guint wanted = MIN (n_occ_skills, 3 + rng_below (&rng, 3));
    guint start = rng_below (&rng, n_occ_skills);

    for (guint i = 0; i < wanted; i++)
      g->skills[n_skills++] = occ->skills[(start + i) % n_occ_skills];
    if (rng_unit (&rng) < 0.4)
      g->skills[n_skills++] = PICK (&rng, generic_skills);
    if (r->driving_licence && rng_unit (&rng) < 0.3)
      g->skills[n_skills++] = "Rijbewijs B";
    g->skills[n_skills] = NULL;
  }
  r->skills = g->skills;

  label = lower_first (occ->label);
  years = MIN (age - 17, 1 + rng_below (&rng, 25));
  r->headline = keep (g, g_strdup_printf ("%s %s", PICK (&rng, adjectives), label));

  summary = g_string_new (NULL);
  append_opening (summary, rng_below (&rng, 4), label, years, place->name);
  g_string_append_c (summary, ' ');
  append_strength (summary, rng_below (&rng, 4), g->skills[0], g->skills[1 % n_skills]);
  g_string_append_c (summary, ' ');
  g_string_append (summary, PICK (&rng, closings));
  if (rng_unit (&rng) < 0.25)
    {
      switch (rng_below (&rng, 5))
        {
        case 0:
          g_string_append_printf (summary, " Mijn naam is %s %s; mail gerust naar %s.", r->first_name, r->last_name, r->email);
          break;
        case 1:
          g_string_append_printf (summary, " Bel of app %s gerust op %s.", r->first_name, r->phone);
          break;
        case 2:
          g_string_append_printf (summary, " Meer over mij: %s (of mail %s).",
                                  r->linkedin != NULL ? r->linkedin : "www.example.nl/cv", r->email);
          break;
        case 3:
          g_string_append_printf (summary, " Groet, %s %s, %s %s, %s.", r->first_name, r->last_name,
                                  r->street, r->house_number, r->postcode);
          break;
        default:
          g_string_append_printf (summary, " Ik ben %s, geboren %s, BSN %s, tel. %s.",
                                  r->first_name, r->birth_date, r->national_id, r->phone);
        }
    }
  r->summary = keep (g, g_string_free (summary, FALSE));

  /* Experience, newest first. */
  {
    guint n = 1 + rng_below (&rng, 3);
    g_autoptr(GDateTime) now_dt = g_date_time_new_from_unix_utc (now);
    int end_year = g_date_time_get_year (now_dt);

    for (guint i = 0; i < n; i++)
      {
        PortalCvExperience *e = &g->experience[i];
        int length = 1 + rng_below (&rng, 6);
        int start_year = end_year - length;
        GString *description = g_string_new (NULL);

        e->title = i == 0 || rng_unit (&rng) < 0.7 ? occ->label : PICK (&rng, adjectives);
        if (e->title != occ->label)
          e->title = keep (g, g_strdup_printf ("Medewerker %s", label));
        {
          const char *word = rng_pick (&rng, portal_company_words, portal_n_company_words);
          const char *company_kind = rng_pick (&rng, portal_company_kinds, portal_n_company_kinds);

          e->employer = keep (g, g_strdup_printf ("%s %s", word, company_kind));
        }
        e->start = keep (g, g_strdup_printf ("%04d-%02u", start_year, 1 + rng_below (&rng, 12)));
        e->end = i == 0 && rng_unit (&rng) < 0.6 ? NULL
                 : keep (g, g_strdup_printf ("%04d-%02u", end_year, 1 + rng_below (&rng, 12)));
        {
          const char *a = g->skills[rng_below (&rng, n_skills)];
          const char *b = g->skills[rng_below (&rng, n_skills)];

          append_duty (description, rng_below (&rng, 4), a, b);
        }
        if (rng_unit (&rng) < 0.05)
          g_string_append_printf (description, " Referentie via %s (%s).", r->first_name, r->email);
        e->description = keep (g, g_string_free (description, FALSE));
        end_year = start_year - (int) rng_below (&rng, 2);
      }
    r->experience = g->experience;
    r->n_experience = n;
  }

  /* Education: the highest level, sometimes the one before it. */
  {
    guint rank = r->education_rank;
    guint year = birth_year + 16 + MIN (rank, 8u);
    PortalCvEducation *e = &g->education[0];

    e->level = portal_education_levels[rank];
    e->field = rank >= 2 && rank <= 5 ? occ->label : rank >= 8 ? occ->label : "Algemeen";
    e->institution = rank >= 2 && rank <= 5 ? portal_institutions[rng_below (&rng, 10)]
                     : rank == 8 ? portal_institutions[10 + rng_below (&rng, 8)]
                     : rank == 9 ? portal_institutions[18 + rng_below (&rng, portal_n_institutions - 18)]
                     : keep (g, g_strdup_printf ("Stedelijk College %s", place->name));
    e->year = year;
    r->education = g->education;
    r->n_education = 1;
    if (rank >= 5 && rng_unit (&rng) < 0.5)
      {
        e = &g->education[1];
        e->level = rank >= 8 ? "havo" : "vmbo";
        e->field = "Algemeen";
        e->institution = keep (g, g_strdup_printf ("Stedelijk College %s", place->name));
        e->year = year - 3;
        r->n_education = 2;
      }
  }
}

static guint *
place_weights (void)
{
  guint *cumulative = g_new (guint, portal_n_places);
  guint total = 0;

  for (guint i = 0; i < portal_n_places; i++)
    cumulative[i] = (total += portal_places[i].population_k);
  return cumulative;
}

static gboolean
seed_many (sqlite3  *db,
           guint     n,
           guint64   seed,
           gint64    now,
           GError  **error)
{
  g_autoptr(PortalCvWriter) writer = NULL;
  g_autofree guint *cumulative = place_weights ();
  gint64 span = UPDATE_SPAN_DAYS * DAY;
  gint64 start = now - span;

  g_autoptr(GArray) newer = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  gint64 batch_newest = 0;

  /* CVs already stored that are newer than the batch's oldest (say the demo
   * jobseeker's, updated now) move behind the batch afterwards. */
  if (sqlite3_prepare_v2 (db, "SELECT id FROM cvs WHERE updated_at > ? ORDER BY seq", -1, &stmt, NULL) != SQLITE_OK)
    return portal_cvs_sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, start);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (newer, id);
    }
  sqlite3_finalize (stmt);

  writer = portal_cv_writer_new (db, error);
  if (writer == NULL)
    return FALSE;
  if (newer->len > 0)
    portal_cv_writer_set_clock (writer, start);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      Generated g = { .strings = strings };
      /* Monotone in i: rows go in in updated_at order, as the store wants. */
      gint64 step = span / MAX (n, 1u);
      gint64 updated_at = start + (gint64) i * span / MAX (n, 1u);
      Rng jitter = { seed ^ (i * G_GUINT64_CONSTANT (0xA24BAED4963EE407)) };

      if (step > 1)
        updated_at += (gint64) (rng_next (&jitter) % (guint64) step);
      generate (&g, seed, i, now, MIN (updated_at, now), cumulative);
      if (portal_cv_writer_add (writer, &g.record, error) == 0)
        return FALSE;
      batch_newest = MAX (batch_newest, g.record.updated_at);
    }

  if (!portal_cv_writer_finish (writer, error))
    return FALSE;

  for (guint i = 0; i < newer->len; i++)
    {
      gint64 id = g_array_index (newer, gint64, i);
      g_autofree char *sql = g_strdup_printf ("SELECT updated_at FROM cvs WHERE id = %" G_GINT64_FORMAT, id);
      gint64 own = 0;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        own = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (!portal_cvs_move_to_front (db, id, MAX (own, batch_newest), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
portal_seed_cvs_at (sqlite3  *db,
                    guint     n,
                    guint64   seed,
                    gint64    now_unix,
                    GError  **error)
{
  gboolean own_transaction = sqlite3_get_autocommit (db) != 0;
  g_autofree char *restore_cache = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!portal_store_cvs_init_schema (db, error))
    return FALSE;
  /* A big page cache keeps the indexes of one long transaction in memory. */
  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    restore_cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  if (!portal_cvs_exec (db, "PRAGMA cache_size = -262144", error))
    return FALSE;
  if (!portal_cvs_exec (db, own_transaction ? "BEGIN IMMEDIATE" : "SAVEPOINT seed_cvs", error))
    return FALSE;

  ok = seed_many (db, n, seed, now_unix, error);

  if (ok)
    ok = portal_cvs_exec (db, own_transaction ? "COMMIT" : "RELEASE seed_cvs", error);
  else
    portal_cvs_exec (db, own_transaction ? "ROLLBACK" : "ROLLBACK TO seed_cvs; RELEASE seed_cvs", NULL);
  if (restore_cache != NULL)
    portal_cvs_exec (db, restore_cache, NULL);
  return ok;
}

gboolean
portal_seed_cvs (sqlite3  *db,
                 guint     n,
                 guint64   seed,
                 GError  **error)
{
  return portal_seed_cvs_at (db, n, seed, portal_cvs_now (), error);
}

gint64
portal_seed_cv_for_jobseeker (sqlite3     *db,
                              gint64       jobseeker_id,
                              const char  *visibility,
                              guint64      seed,
                              GError     **error)
{
  g_autoptr(PortalCvWriter) writer = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *cumulative = place_weights ();
  Generated g = { .strings = strings };
  gint64 now = portal_cvs_now ();
  gint64 id;

  if (g_strcmp0 (visibility, "hidden") != 0 && g_strcmp0 (visibility, "anonymous") != 0 &&
      g_strcmp0 (visibility, "open") != 0)
    {
      g_set_error_literal (error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION,
                           "visibility must be hidden, anonymous or open");
      return 0;
    }
  if (!portal_store_cvs_init_schema (db, error) ||
      !portal_cvs_exec (db, "SAVEPOINT seed_cv", error))
    return 0;

  generate (&g, seed, G_MAXUINT32 + (guint64) jobseeker_id, now, now, cumulative);
  g.record.jobseeker_id = jobseeker_id;
  g.record.visibility = g_str_equal (visibility, "open") ? PORTAL_CV_OPEN :
                        g_str_equal (visibility, "hidden") ? PORTAL_CV_HIDDEN : PORTAL_CV_ANONYMOUS;

  writer = portal_cv_writer_new (db, error);
  id = writer != NULL ? portal_cv_writer_add (writer, &g.record, error) : 0;
  if (id != 0 && !portal_cv_writer_finish (writer, error))
    id = 0;
  g_clear_pointer (&writer, portal_cv_writer_free);

  portal_cvs_exec (db, id != 0 ? "RELEASE seed_cv" : "ROLLBACK TO seed_cv; RELEASE seed_cv", NULL);
  return id;
}
