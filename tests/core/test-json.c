/* test-json.c: JSON mapping of every domain object, valid and hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-core.h"
#include "werving-error-private.h"
#include "werving-json-private.h"

typedef gpointer (*ParseFunc) (JsonNode *node, GError **error);

static gpointer
parse_cv_page (JsonNode  *node,
               GError   **error)
{
  return werving_page_new_from_json (node, WERVING_TYPE_CV_SUMMARY,
                                     (WervingItemParseFunc) werving_cv_summary_new_from_json, error);
}

typedef struct
{
  const char *name;
  ParseFunc   parse;
  const char *valid;
} Kind;

static const Kind kinds[] = {
  { "organisation", (ParseFunc) werving_organisation_new_from_json,
    "{\"id\":7,\"kvk\":\"12345678\",\"name\":\"Bakkerij De Korenbloem\",\"kind\":\"employer\","
    "\"contact_name\":\"Anna de Vries\",\"email\":\"anna@example.nl\",\"phone\":\"030-1234567\","
    "\"verification\":\"verified\",\"created_at\":\"2026-11-23T09:30:00Z\"}" },
  { "vacancy", (ParseFunc) werving_vacancy_new_from_json,
    "{\"id\":3,\"title\":\"Bakker\",\"description\":\"Vroeg op\",\"occupation\":{\"code\":\"7512\","
    "\"label\":\"Bakker\"},\"place\":\"Utrecht\",\"postcode\":\"3511 AB\",\"hours_min\":24,"
    "\"hours_max\":38,\"contract_type\":\"permanent\",\"education_level\":\"mbo-2\","
    "\"salary\":{\"min\":2600,\"max\":3100.5,\"period\":\"month\"},\"skills\":[\"deeg\",\"oven\"],"
    "\"start_date\":\"2027-01-01\",\"closing_date\":\"2026-12-31\",\"status\":\"draft\","
    "\"created_at\":\"2026-11-23T09:30:00Z\",\"updated_at\":\"2026-11-23T09:30:00Z\"}" },
  { "cv-summary", (ParseFunc) werving_cv_summary_new_from_json,
    "{\"id\":11,\"visibility\":\"anonymous\",\"headline\":\"Ervaren bakker\",\"occupation\":null,"
    "\"skills\":[\"deeg\"],\"region\":\"Utrecht\",\"hours_min\":20,\"hours_max\":40,"
    "\"education_level\":\"mbo-2\",\"available_from\":\"2026-12-01\",\"driving_licence\":true,"
    "\"languages\":[\"nl\",\"en\"],\"updated_at\":\"2026-11-20T08:00:00Z\",\"matched\":[\"place\"]}" },
  { "cv", (ParseFunc) werving_cv_new_from_json,
    "{\"id\":11,\"visibility\":\"open\",\"headline\":\"Bakker\",\"name\":\"Jan Jansen\","
    "\"summary\":\"Twintig jaar ervaring.\",\"age_band\":\"45-54\","
    "\"experience\":[{\"title\":\"Bakker\",\"employer\":\"Bakkerij X\",\"start\":\"2001-03-01\","
    "\"end\":null,\"description\":\"Brood\"}],\"education\":[{\"level\":\"mbo-2\",\"field\":\"Brood\","
    "\"institution\":\"ROC\",\"year\":1999}],\"personalia\":{\"name\":\"Jan Jansen\","
    "\"birth_date\":\"1975-04-02\",\"email\":\"jan@example.nl\",\"phone\":\"06-12345678\","
    "\"address\":\"Straat 1\",\"postcode\":\"3511 AB\",\"city\":\"Utrecht\"}}" },
  { "thread", (ParseFunc) werving_thread_new_from_json,
    "{\"id\":5,\"vacancy_id\":3,\"vacancy_title\":\"Bakker\",\"cv_id\":11,"
    "\"candidate_label\":\"Kandidaat 7K3Q\",\"unread_count\":2,"
    "\"last_message_at\":\"2026-11-23T10:00:00Z\",\"last_message_preview\":\"Hallo\","
    "\"read_only\":false,\"revealed_contact\":null,\"created_at\":\"2026-11-23T09:00:00Z\"}" },
  { "message", (ParseFunc) werving_message_new_from_json,
    "{\"id\":9,\"thread_id\":5,\"sender\":\"jobseeker\",\"body\":\"Graag!\","
    "\"created_at\":\"2026-11-23T10:00:00Z\"}" },
  { "session", (ParseFunc) werving_session_new_from_json,
    "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"token_type\":\"Bearer\",\"expires_in\":900,"
    "\"account\":{\"kind\":\"organisation\",\"id\":1,\"email\":\"demo@werving.test\"}}" },
  { "quota", (ParseFunc) werving_quota_new_from_json,
    "{\"cv_views\":{\"limit\":100,\"used\":3,\"remaining\":97,\"resets_at\":\"2026-11-24T00:00:00Z\"},"
    "\"new_contacts\":{\"limit\":25,\"used\":0,\"remaining\":25,\"resets_at\":\"2026-11-24T00:00:00Z\"}}" },
  { "cv-page", parse_cv_page,
    "{\"items\":[{\"id\":1},{\"id\":2,\"skills\":[]}],\"next_cursor\":\"abc\",\"total\":12000,"
    "\"total_is_estimate\":true}" },
};

/* Structurally wrong documents: each must be refused by every kind. */
static const char * const wrong_for_all[] = {
  "[]",
  "\"text\"",
  "42",
  "null",
  "true",
  "{}",
  "{\"id\":\"7\",\"items\":{},\"account\":1,\"cv_views\":[]}",
};

static gpointer
parse_text (const Kind  *kind,
            const char  *text,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonNode) node = werving_json_parse (text, length, error);

  if (node == NULL)
    return NULL;
  return kind->parse (node, error);
}

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = parse_text (&kinds[i], kinds[i].valid, strlen (kinds[i].valid), &error);

      g_test_message ("%s", kinds[i].name);
      g_assert_no_error (error);
      g_assert_nonnull (object);
    }
}

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingVacancy) vacancy = parse_text (&kinds[1], kinds[1].valid, strlen (kinds[1].valid), &error);
  g_autoptr(WervingCv) cv = parse_text (&kinds[3], kinds[3].valid, strlen (kinds[3].valid), &error);
  g_autoptr(WervingPage) page = parse_text (&kinds[8], kinds[8].valid, strlen (kinds[8].valid), &error);
  g_autoptr(WervingSession) session = parse_text (&kinds[6], kinds[6].valid, strlen (kinds[6].valid), &error);
  g_autofree char *title = NULL;
  WervingCvExperience *experience;

  g_assert_no_error (error);
  g_assert_cmpstr (werving_vacancy_get_title (vacancy), ==, "Bakker");
  g_assert_cmpstr (werving_vacancy_get_occupation_code (vacancy), ==, "7512");
  g_assert_cmpint (werving_vacancy_get_hours_max (vacancy), ==, 38);
  g_assert_cmpfloat (werving_vacancy_get_salary_max (vacancy), ==, 3100.5);
  g_assert_cmpstr (werving_vacancy_get_skills (vacancy)[1], ==, "oven");
  g_object_get (vacancy, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Bakker");

  g_assert_cmpstr (werving_cv_get_age_band (cv), ==, "45-54");
  g_assert_cmpstr (werving_cv_summary_get_name (WERVING_CV_SUMMARY (cv)), ==, "Jan Jansen");
  g_assert_true (werving_cv_has_personalia (cv));
  g_assert_cmpuint (werving_cv_get_experience (cv)->len, ==, 1);
  experience = g_ptr_array_index (werving_cv_get_experience (cv), 0);
  g_assert_cmpstr (experience->employer, ==, "Bakkerij X");
  g_assert_null (experience->end);
  g_assert_cmpint (((WervingCvEducation *) g_ptr_array_index (werving_cv_get_education (cv), 0))->year, ==, 1999);

  g_assert_cmpuint (werving_page_get_n_items (page), ==, 2);
  g_assert_cmpstr (werving_page_get_next_cursor (page), ==, "abc");
  g_assert_cmpint (werving_page_get_total (page), ==, 12000);
  g_assert_true (werving_page_get_total_is_estimate (page));

  g_assert_cmpstr (werving_session_get_access_token (session), ==, "a");
  g_assert_cmpint (werving_session_get_account_id (session), ==, 1);
  /* Tokens are no properties: nothing binds or prints them by accident. */
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (session), "access-token"));
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (session), "refresh-token"));
}

static void
test_wrong_structure (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (guint j = 0; j < G_N_ELEMENTS (wrong_for_all); j++)
      {
        g_autoptr(GError) error = NULL;
        gpointer object = parse_text (&kinds[i], wrong_for_all[j], strlen (wrong_for_all[j]), &error);

        g_test_message ("%s: %s", kinds[i].name, wrong_for_all[j]);
        /* quota and page have no required member: {} is a valid empty quota */
        if (object != NULL)
          {
            g_assert_true (g_str_equal (wrong_for_all[j], "{}") && g_str_equal (kinds[i].name, "quota"));
            g_object_unref (object);
            continue;
          }
        g_assert_error (error, WERVING_ERROR, WERVING_ERROR_PARSE);
      }
}

/* One member replaced by a value of the wrong type or size. */
typedef struct
{
  guint       kind;
  const char *from;
  const char *to;
} Mutation;

static const Mutation mutations[] = {
  { 0, "\"id\":7", "\"id\":7.5" },
  { 0, "\"id\":7", "\"id\":\"7\"" },
  { 0, "\"id\":7", "\"id\":null" },
  { 0, "\"name\":\"Bakkerij De Korenbloem\"", "\"name\":[]" },
  { 0, "\"created_at\":\"2026-11-23T09:30:00Z\"", "\"created_at\":\"gisteren\"" },
  { 1, "\"hours_min\":24", "\"hours_min\":\"24\"" },
  { 1, "\"skills\":[\"deeg\",\"oven\"]", "\"skills\":[\"deeg\",7]" },
  { 1, "\"skills\":[\"deeg\",\"oven\"]", "\"skills\":\"deeg\"" },
  { 1, "\"occupation\":{\"code\":\"7512\",", "\"occupation\":{\"code\":7512," },
  { 1, "\"occupation\":{", "\"occupation\":[{" },
  { 1, "\"closing_date\":\"2026-12-31\"", "\"closing_date\":\"2026-02-30\"" },
  { 1, "\"closing_date\":\"2026-12-31\"", "\"closing_date\":\"31-12-2026\"" },
  { 1, "\"salary\":{\"min\":2600", "\"salary\":{\"min\":true" },
  { 2, "\"driving_licence\":true", "\"driving_licence\":\"yes\"" },
  { 2, "\"languages\":[\"nl\",\"en\"]", "\"languages\":{}" },
  { 3, "\"experience\":[{", "\"experience\":[7,{" },
  { 3, "\"experience\":[", "\"experience\":{\"a\":[" },
  { 3, "\"year\":1999", "\"year\":\"1999\"" },
  { 3, "\"personalia\":{", "\"personalia\":[{" },
  { 4, "\"read_only\":false", "\"read_only\":0" },
  { 4, "\"revealed_contact\":null", "\"revealed_contact\":\"x\"" },
  { 5, "\"thread_id\":5,", "" },
  { 5, "\"body\":\"Graag!\"", "\"body\":null" },
  { 6, "\"access_token\":\"a\",", "" },
  { 6, "\"account\":{", "\"account\":[{" },
  { 7, "\"limit\":100", "\"limit\":1e400" },
  { 8, "{\"id\":1}", "{\"id\":\"1\"}" },
  { 8, "\"items\":[", "\"items\":{\"a\":[" },
  { 8, "\"total\":12000", "\"total\":\"many\"" },
};

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
test_wrong_members (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      const Kind *kind = &kinds[mutations[i].kind];
      g_autofree char *text = replace_once (kind->valid, mutations[i].from, mutations[i].to);
      g_autoptr(GError) error = NULL;
      gpointer object = parse_text (kind, text, strlen (text), &error);

      g_test_message ("%s: %s", kind->name, text);
      g_assert_null (object);
      g_assert_error (error, WERVING_ERROR, WERVING_ERROR_PARSE);
    }
}

static void
assert_refused (const char *text,
                gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer object = parse_text (&kinds[i], text, length, &error);

      g_assert_null (object);
      g_assert_error (error, WERVING_ERROR, WERVING_ERROR_PARSE);
    }
}

static void
test_deep_nesting (void)
{
  g_autofree char *brackets = g_malloc (100000);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) ok = g_string_new ("{\"id\":1,\"x\":");

  memset (brackets, '[', 100000);
  assert_refused (brackets, 100000);

  for (guint i = 0; i < 100000; i++)
    g_string_append (objects, "{\"a\":");
  assert_refused (objects->str, objects->len);

  /* Brackets inside strings do not count; moderate nesting is fine. */
  for (guint i = 0; i < 20; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 20; i++)
    g_string_append_c (ok, ']');
  g_string_append (ok, ",\"headline\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GObject) object = parse_text (&kinds[2], ok->str, ok->len, &error);

    g_assert_no_error (error);
    g_assert_nonnull (object);
  }
}

static void
test_invalid_utf8 (void)
{
  const char text[] = "{\"id\":1,\"headline\":\"caf\xc3\x28\"}";
  const char nul[] = "{\"id\":1,\"headline\":\"a\0b\"}";

  assert_refused (text, sizeof text - 1);
  assert_refused (nul, sizeof nul - 1);
  assert_refused ("", 0);
  assert_refused ("{\"id\":1", 7);
  assert_refused ("{\"id\":1}}", 9);
}

static void
test_huge_strings (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size + 64);
  g_autoptr(GString) title = g_string_new ("{\"id\":1,\"title\":\"");
  g_autoptr(GError) error = NULL;
  gpointer object;

  /* A 10 MB document is refused before parsing. */
  g_string_append (text, "{\"id\":1,\"headline\":\"");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}");
  assert_refused (text->str, text->len);

  /* A 1 MB title fits in the document but not in a title. */
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (title, 'x');
  g_string_append (title, "\"}");
  object = parse_text (&kinds[1], title->str, title->len, &error);
  g_assert_null (object);
  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_PARSE);
}

/* Random byte changes of valid documents: never a crash, never a leak (run
 * under valgrind or ASan to check the latter), always an object or an error.
 */
static void
test_random_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (guint round = 0; round < 2000; round++)
      {
        g_autofree char *text = g_strdup (kinds[i].valid);
        gsize len = strlen (text);
        g_autoptr(GError) error = NULL;
        gpointer object;
        guint n = (guint) g_rand_int_range (rand, 1, 4);

        for (guint k = 0; k < n; k++)
          text[g_rand_int_range (rand, 0, (gint32) len)] = (char) g_rand_int_range (rand, 1, 256);

        object = parse_text (&kinds[i], text, len, &error);
        g_assert_true ((object == NULL) != (error == NULL));
        g_clear_object (&object);
      }
}

static void
test_vacancy_to_json (void)
{
  g_autoptr(WervingVacancy) vacancy = werving_vacancy_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  const char *skills[] = { "deeg", "oven", NULL };

  werving_vacancy_set_title (vacancy, "Bakker");
  werving_vacancy_set_hours_min (vacancy, 24);
  werving_vacancy_set_salary_min (vacancy, 2600);
  werving_vacancy_set_salary_max (vacancy, 3100.5);
  werving_vacancy_set_salary_period (vacancy, "month");
  werving_vacancy_set_skills (vacancy, skills);

  node = werving_vacancy_to_json (vacancy);
  text = werving_json_to_string (node);
  g_assert_nonnull (strstr (text, "\"title\":\"Bakker\""));
  g_assert_nonnull (strstr (text, "\"hours_min\":24"));
  g_assert_nonnull (strstr (text, "\"hours_max\":null"));
  g_assert_nonnull (strstr (text, "\"salary\":{\"min\":2600,\"max\":3100.5,\"period\":\"month\"}"));
  g_assert_nonnull (strstr (text, "\"occupation\":null"));
  g_assert_nonnull (strstr (text, "\"skills\":[\"deeg\",\"oven\"]"));
  /* Read-only members are not sent. */
  g_assert_null (strstr (text, "\"id\""));
  g_assert_null (strstr (text, "\"status\""));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_explicit_notify (void)
{
  g_autoptr(WervingVacancy) vacancy = werving_vacancy_new ();
  guint count = 0;

  g_signal_connect (vacancy, "notify::title", G_CALLBACK (count_notify), &count);
  werving_vacancy_set_title (vacancy, "Bakker");
  werving_vacancy_set_title (vacancy, "Bakker");
  g_object_set (vacancy, "title", "Bakker", NULL);
  g_assert_cmpuint (count, ==, 1);
  werving_vacancy_set_title (vacancy, "Kok");
  g_assert_cmpuint (count, ==, 2);
}

static void
test_problem (void)
{
  const char *doc =
    "{\"type\":\"https://werving.example/problems/validation\",\"title\":\"Some fields are not valid\","
    "\"status\":422,\"errors\":[{\"field\":\"kvk\",\"code\":\"pattern\",\"detail\":\"8 digits\"},"
    "{\"field\":\"name\",\"code\":\"required\"},{\"code\":\"x\"},7]}";
  const char *quota =
    "{\"type\":\"https://werving.example/problems/quota-exceeded\",\"status\":429,"
    "\"retry_after\":3600,\"quota\":\"cv-views\"}";
  g_autoptr(JsonNode) node = werving_json_parse (doc, strlen (doc), NULL);
  g_autoptr(JsonNode) quota_node = werving_json_parse (quota, strlen (quota), NULL);
  g_autoptr(GError) error = werving_error_new_from_problem (422, node, NULL);
  g_autoptr(GError) copy = g_error_copy (error);
  g_autoptr(GError) quota_error = werving_error_new_from_problem (429, quota_node, "120");
  g_autoptr(GError) bare = werving_error_new_from_problem (503, NULL, NULL);
  g_autoptr(GError) other = werving_error_new_from_problem (418, NULL, NULL);
  const GPtrArray *fields;
  g_autofree char *message = NULL;

  g_assert_error (error, WERVING_ERROR, WERVING_ERROR_VALIDATION);
  fields = werving_error_get_field_errors (copy);
  g_assert_cmpuint (fields->len, ==, 2);
  g_assert_cmpstr (((WervingFieldError *) g_ptr_array_index (fields, 0))->field, ==, "kvk");
  g_assert_cmpstr (werving_error_find_field_error (copy, "name")->code, ==, "required");
  g_assert_null (werving_error_find_field_error (copy, "phone"));
  g_assert_cmpuint (werving_error_get_status (copy), ==, 422);

  g_assert_error (quota_error, WERVING_ERROR, WERVING_ERROR_QUOTA_EXCEEDED);
  /* The header wins over the body. */
  g_assert_cmpint (werving_error_get_retry_after (quota_error), ==, 120);
  g_assert_cmpstr (werving_error_get_quota (quota_error), ==, "cv-views");

  g_assert_error (bare, WERVING_ERROR, WERVING_ERROR_INTERNAL);
  g_assert_error (other, WERVING_ERROR, WERVING_ERROR_UNKNOWN_PROBLEM);

  for (int code = WERVING_ERROR_VALIDATION; code <= WERVING_ERROR_CANCELLED; code++)
    {
      g_autoptr(GError) e = g_error_new_literal (WERVING_ERROR, code, "x");
      g_autofree char *text = werving_error_to_user_message (e);

      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 10);
    }

  message = werving_field_error_to_user_message (werving_error_find_field_error (error, "kvk"));
  g_assert_cmpstr (message, ==, "This does not have the right format.");
}

static void
test_insecure_url (void)
{
  const char *refused[] = { "http://portal.example/", "ftp://127.0.0.1/", "not a url", "https:///" };
  const char *accepted[] = { "https://portal.example/", "http://127.0.0.1:8080/", "http://[::1]/",
                             "http://localhost:1/" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WervingClient) client = werving_client_new (refused[i], &error);

      g_assert_null (client);
      g_assert_error (error, WERVING_ERROR, WERVING_ERROR_INSECURE_URL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WervingClient) client = werving_client_new (accepted[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (client);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/valid", test_valid);
  g_test_add_func ("/core/json/values", test_values);
  g_test_add_func ("/core/json/wrong-structure", test_wrong_structure);
  g_test_add_func ("/core/json/wrong-members", test_wrong_members);
  g_test_add_func ("/core/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/json/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/json/huge-strings", test_huge_strings);
  g_test_add_func ("/core/json/random-mutations", test_random_mutations);
  g_test_add_func ("/core/json/vacancy-to-json", test_vacancy_to_json);
  g_test_add_func ("/core/json/explicit-notify", test_explicit_notify);
  g_test_add_func ("/core/error/problem", test_problem);
  g_test_add_func ("/core/client/insecure-url", test_insecure_url);

  return g_test_run ();
}
