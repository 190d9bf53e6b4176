/* werving-cv.c: one CV as its detail view shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-cv.h"
#include "werving-cv-summary-private.h"
#include "werving-error.h"
#include "werving-json-private.h"

#define MAX_LIST_ITEMS 200

struct _WervingCv
{
  WervingCvSummary parent_instance;

  char      *summary;
  char      *age_band;
  char      *personalia_name;
  char      *personalia_birth_date;
  char      *personalia_email;
  char      *personalia_phone;
  char      *personalia_address;
  char      *personalia_postcode;
  char      *personalia_city;
  char      *status;
  GDateTime *expires_at;

  GPtrArray *experience;
  GPtrArray *education;
};

G_DEFINE_FINAL_TYPE (WervingCv, werving_cv, WERVING_TYPE_CV_SUMMARY)

#define F(prop, path, kind, member, max) \
  { prop, path, WERVING_FIELD_##kind, G_STRUCT_OFFSET (WervingCv, member), 0, max }

static const WervingJsonField fields[] = {
  F ("summary", "summary", STRING, summary, 20000),
  F ("age-band", "age_band", STRING, age_band, 32),
  F ("personalia-name", "personalia.name", STRING, personalia_name, 200),
  F ("personalia-birth-date", "personalia.birth_date", DATE, personalia_birth_date, 0),
  F ("personalia-email", "personalia.email", STRING, personalia_email, 320),
  F ("personalia-phone", "personalia.phone", STRING, personalia_phone, 64),
  F ("personalia-address", "personalia.address", STRING, personalia_address, 300),
  F ("personalia-postcode", "personalia.postcode", STRING, personalia_postcode, 16),
  F ("personalia-city", "personalia.city", STRING, personalia_city, 200),
  F ("status", "status", STRING, status, 32),
  F ("expires-at", "expires_at", DATE_TIME, expires_at, 0),
};

#undef F
#define F(type, path, kind, member, max) \
  { NULL, path, WERVING_FIELD_##kind, G_STRUCT_OFFSET (type, member), 0, max }

static const WervingJsonField experience_fields[] = {
  F (WervingCvExperience, "title", STRING, title, 200),
  F (WervingCvExperience, "employer", STRING, employer, 200),
  F (WervingCvExperience, "start", STRING, start, 10), /* YYYY-MM or YYYY-MM-DD */
  F (WervingCvExperience, "end", STRING, end, 10),
  F (WervingCvExperience, "description", STRING, description, 5000),
};

static const WervingJsonField education_fields[] = {
  F (WervingCvEducation, "level", STRING, level, 32),
  F (WervingCvEducation, "field", STRING, field, 200),
  F (WervingCvEducation, "institution", STRING, institution, 200),
  F (WervingCvEducation, "year", INT, year, 0),
};

#undef F

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

/* Boxed records */

void
werving_cv_experience_free (WervingCvExperience *self)
{
  if (self == NULL)
    return;
  werving_json_fields_clear (experience_fields, G_N_ELEMENTS (experience_fields), self);
  g_free (self);
}

WervingCvExperience *
werving_cv_experience_copy (const WervingCvExperience *self)
{
  WervingCvExperience *copy = g_new0 (WervingCvExperience, 1);

  copy->title = g_strdup (self->title);
  copy->employer = g_strdup (self->employer);
  copy->start = g_strdup (self->start);
  copy->end = g_strdup (self->end);
  copy->description = g_strdup (self->description);
  return copy;
}

void
werving_cv_education_free (WervingCvEducation *self)
{
  if (self == NULL)
    return;
  werving_json_fields_clear (education_fields, G_N_ELEMENTS (education_fields), self);
  g_free (self);
}

WervingCvEducation *
werving_cv_education_copy (const WervingCvEducation *self)
{
  WervingCvEducation *copy = g_new0 (WervingCvEducation, 1);

  copy->level = g_strdup (self->level);
  copy->field = g_strdup (self->field);
  copy->institution = g_strdup (self->institution);
  copy->year = self->year;
  return copy;
}

G_DEFINE_BOXED_TYPE (WervingCvExperience, werving_cv_experience,
                     werving_cv_experience_copy, werving_cv_experience_free)
G_DEFINE_BOXED_TYPE (WervingCvEducation, werving_cv_education,
                     werving_cv_education_copy, werving_cv_education_free)

/* WervingCv */

static void
werving_cv_finalize (GObject *object)
{
  WervingCv *self = WERVING_CV (object);

  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
  g_clear_pointer (&self->experience, g_ptr_array_unref);
  g_clear_pointer (&self->education, g_ptr_array_unref);

  G_OBJECT_CLASS (werving_cv_parent_class)->finalize (object);
}

static void
werving_cv_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_cv_class_init (WervingCvClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_cv_finalize;
  object_class->get_property = werving_cv_get_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_cv_init (WervingCv *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
  self->experience = g_ptr_array_new_with_free_func ((GDestroyNotify) werving_cv_experience_free);
  self->education = g_ptr_array_new_with_free_func ((GDestroyNotify) werving_cv_education_free);
}

/* Parses the optional array member @name, one record per element. */
static gboolean
parse_records (JsonNode               *node,
               const char             *name,
               const WervingJsonField *record_fields,
               guint                   n_record_fields,
               gsize                   record_size,
               GPtrArray              *out,
               GError                **error)
{
  JsonNode *member = json_object_get_member (json_node_get_object (node), name);
  JsonArray *array;
  guint n;

  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                   "Member “%s”: expected an array", name);
      return FALSE;
    }

  array = json_node_get_array (member);
  n = json_array_get_length (array);
  if (n > MAX_LIST_ITEMS)
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                   "Member “%s”: more than %d items", name, MAX_LIST_ITEMS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      gpointer record = g_malloc0 (record_size);

      /* The array owns the record from here, also when parsing fails. */
      g_ptr_array_add (out, record);
      if (!werving_json_fields_parse (record_fields, n_record_fields, record,
                                      json_array_get_element (array, i), error))
        {
          g_prefix_error (error, "Member “%s”: ", name);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * werving_cv_new_from_json:
 *
 * Returns: (transfer full) (nullable): the CV, or NULL with a
 * WERVING_ERROR_PARSE error
 */
WervingCv *
werving_cv_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(WervingCv) self = g_object_new (WERVING_TYPE_CV, NULL);

  if (!werving_cv_summary_parse_into (WERVING_CV_SUMMARY (self), node, error) ||
      !werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error) ||
      !parse_records (node, "experience", experience_fields, G_N_ELEMENTS (experience_fields),
                      sizeof (WervingCvExperience), self->experience, error) ||
      !parse_records (node, "education", education_fields, G_N_ELEMENTS (education_fields),
                      sizeof (WervingCvEducation), self->education, error))
    return NULL;

  return g_steal_pointer (&self);
}

#define GETTER(type, member) \
  type \
  werving_cv_get_##member (WervingCv *self) \
  { \
    g_return_val_if_fail (WERVING_IS_CV (self), NULL); \
    return self->member; \
  }

GETTER (const char *, summary)
GETTER (const char *, age_band)
GETTER (GPtrArray *, experience)
GETTER (GPtrArray *, education)
GETTER (const char *, personalia_name)
GETTER (const char *, personalia_birth_date)
GETTER (const char *, personalia_email)
GETTER (const char *, personalia_phone)
GETTER (const char *, personalia_address)
GETTER (const char *, personalia_postcode)
GETTER (const char *, personalia_city)
GETTER (const char *, status)
GETTER (GDateTime *, expires_at)

#undef GETTER

gboolean
werving_cv_has_personalia (WervingCv *self)
{
  g_return_val_if_fail (WERVING_IS_CV (self), FALSE);

  return self->personalia_name != NULL || self->personalia_email != NULL ||
         self->personalia_phone != NULL || self->personalia_address != NULL;
}
