/* portal-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-demo.h"
#include "portal-error.h"
#include "portal-json.h"
#include "portal-seed.h"
#include "portal-store-cvs.h"

static gint64
create_organisation (PortalStore  *store,
                     const char   *kvk,
                     const char   *name,
                     const char   *kind,
                     const char   *contact_name,
                     const char   *email,
                     const char   *phone,
                     const char   *hash,
                     GError      **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) organisation = NULL;

  json_object_set_string_member (fields, "kvk", kvk);
  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "kind", kind);
  json_object_set_string_member (fields, "contact_name", contact_name);
  json_object_set_string_member (fields, "email", email);
  json_object_set_string_member (fields, "phone", phone);
  organisation = portal_store_organisation_create (store, fields, hash, error);
  return organisation != NULL ? json_object_get_int_member (organisation, "id") : 0;
}

static char *
date_in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Creates a vacancy and moves it to @state with @closing_in_days. */
static gint64
create_vacancy (PortalStore  *store,
                gint64        organisation_id,
                const char   *title,
                const char   *code,
                const char   *label,
                const char   *place,
                const char   *skills_csv,
                const char   *state,
                int           closing_in_days,
                GError      **error)
{
  g_autoptr(JsonObject) vacancy = json_object_new ();
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) moved = NULL;
  g_auto(GStrv) skills = g_strsplit (skills_csv, ",", -1);
  g_autofree char *closing = date_in_days (closing_in_days);
  g_autofree char *start = date_in_days (closing_in_days + 30);
  g_autofree char *description = g_strdup_printf ("Voor een opdrachtgever in %s zoeken wij een %s. "
                                                  "Je werkt in een klein team en krijgt ruimte om te groeien.",
                                                  place, label);
  JsonObject *occupation = json_object_new ();
  JsonObject *salary = json_object_new ();
  JsonArray *skill_array = json_array_new ();
  gint64 id;

  json_object_set_string_member (vacancy, "title", title);
  json_object_set_string_member (vacancy, "description", description);
  json_object_set_string_member (occupation, "code", code);
  json_object_set_string_member (occupation, "label", label);
  json_object_set_object_member (vacancy, "occupation", occupation);
  json_object_set_string_member (vacancy, "place", place);
  json_object_set_string_member (vacancy, "postcode", "3511 AB");
  json_object_set_int_member (vacancy, "hours_min", 32);
  json_object_set_int_member (vacancy, "hours_max", 40);
  json_object_set_string_member (vacancy, "contract_type", "permanent");
  json_object_set_string_member (vacancy, "education_level", "mbo-4");
  json_object_set_int_member (salary, "min", 3000);
  json_object_set_int_member (salary, "max", 4200);
  json_object_set_string_member (salary, "period", "month");
  json_object_set_object_member (vacancy, "salary", salary);
  for (guint i = 0; skills[i] != NULL; i++)
    json_array_add_string_element (skill_array, skills[i]);
  json_object_set_array_member (vacancy, "skills", skill_array);
  json_object_set_string_member (vacancy, "start_date", start);
  json_object_set_string_member (vacancy, "closing_date", closing);

  created = portal_store_vacancy_create (store, organisation_id, vacancy, error);
  if (created == NULL)
    return 0;
  id = json_object_get_int_member (created, "id");
  if (g_strcmp0 (state, "draft") == 0)
    return id;
  moved = portal_store_vacancy_set_state (store, organisation_id, id, state, NULL, error);
  return moved != NULL ? id : 0;
}

gboolean
portal_demo_create (PortalStore  *store,
                    guint         n_cvs,
                    guint64       seed,
                    GError      **error)
{
  sqlite3 *db = portal_store_get_db (store);
  g_autofree char *hash = portal_auth_hash_password (PORTAL_DEMO_PASSWORD);
  g_autofree char *label = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) reply = NULL;
  gint64 demo, pending, jobseeker, active, cv, thread;

  if (hash == NULL)
    {
      g_set_error (error, PORTAL_ERROR, PORTAL_ERROR_INTERNAL, "Could not hash the demo password");
      return FALSE;
    }
  /* No enclosing transaction: the CV seeding functions run their own. */
  if ((demo = create_organisation (store, "12345678", "Demo Uitzendbureau B.V.", "intermediary", "Fatima el Amrani",
                                   "demo@werving.test", "+31 30 123 4567", hash, error)) == 0 ||
      !portal_store_organisation_set_verification (store, "demo@werving.test", "verified", error) ||
      (pending = create_organisation (store, "87654321", "Bakkerij Nog Niet Geverifieerd", "employer", "Jan Visser",
                                      "pending@werving.test", "020-1234567", hash, error)) == 0 ||
      (jobseeker = portal_store_jobseeker_create (store, "jobseeker@werving.test", "Sanne de Vries", hash, error)) == 0 ||
      (cv = portal_seed_cv_for_jobseeker (db, jobseeker, "anonymous", seed, error)) == 0)
    return FALSE;

  if (create_vacancy (store, demo, "Junior softwareontwikkelaar", "2512", "Softwareontwikkelaar", "Utrecht",
                      "C,Linux,Git", "draft", 45, error) == 0 ||
      (active = create_vacancy (store, demo, "Medior softwareontwikkelaar", "2512", "Softwareontwikkelaar",
                                "Utrecht", "C,GTK,SQL", "active", 60, error)) == 0 ||
      create_vacancy (store, demo, "Logistiek medewerker", "9333", "Magazijnmedewerker", "Tilburg",
                      "Heftruck,Orderpicken", "closed", 10, error) == 0 ||
      create_vacancy (store, demo, "Verpleegkundige", "2221", "Verpleegkundige", "Amersfoort",
                      "BIG-registratie,Wondzorg", "active", -3, error) == 0 ||
      create_vacancy (store, pending, "Bakker", "7512", "Bakker", "Zwolle", "Brood,Banket", "draft", 30, error) == 0)
    return FALSE;

  label = portal_cv_candidate_label (cv);
  if ((thread = portal_store_thread_create (store, demo, active, cv, jobseeker, label, error)) == 0 ||
      (first = portal_store_message_add (store, thread, PORTAL_ACCOUNT_ORGANISATION,
                                         "Goedemiddag, uw cv past goed bij onze vacature voor een medior "
                                         "softwareontwikkelaar in Utrecht. Heeft u interesse in een "
                                         "kennismaking?", error)) == NULL ||
      (reply = portal_store_message_add (store, thread, PORTAL_ACCOUNT_JOBSEEKER,
                                         "Dank u wel, ik hoor graag meer over de functie.", error)) == NULL)
    return FALSE;

  return n_cvs == 0 || portal_seed_cvs (db, n_cvs, seed, error);
}
