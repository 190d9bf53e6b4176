/* werving-vacancy.c: a vacancy of the signed-in organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-json-private.h"
#include "werving-vacancy.h"

struct _WervingVacancy
{
  GObject    parent_instance;

  gint64     id;
  char      *title;
  char      *description;
  char      *occupation_code;
  char      *occupation_label;
  char      *place;
  char      *postcode;
  gint64     hours_min;
  gint64     hours_max;
  char      *contract_type;
  char      *education_level;
  double     salary_min;
  double     salary_max;
  char      *salary_period;
  char     **skills;
  char      *start_date;
  char      *closing_date;
  char      *status;
  GDateTime *created_at;
  GDateTime *updated_at;
};

G_DEFINE_FINAL_TYPE (WervingVacancy, werving_vacancy, G_TYPE_OBJECT)

static const WervingJsonField fields[] = {
  { "id", "id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingVacancy, id), WERVING_FIELD_REQUIRED, 0 },
  { "title", "title", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, title), WERVING_FIELD_WRITABLE, 200 },
  { "description", "description", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, description), WERVING_FIELD_WRITABLE, 20000 },
  { "occupation-code", "occupation.code", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, occupation_code), WERVING_FIELD_WRITABLE, 32 },
  { "occupation-label", "occupation.label", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, occupation_label), WERVING_FIELD_WRITABLE, 200 },
  { "place", "place", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, place), WERVING_FIELD_WRITABLE, 200 },
  { "postcode", "postcode", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, postcode), WERVING_FIELD_WRITABLE, 16 },
  { "hours-min", "hours_min", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingVacancy, hours_min), WERVING_FIELD_WRITABLE, 0 },
  { "hours-max", "hours_max", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingVacancy, hours_max), WERVING_FIELD_WRITABLE, 0 },
  { "contract-type", "contract_type", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, contract_type), WERVING_FIELD_WRITABLE, 32 },
  { "education-level", "education_level", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, education_level), WERVING_FIELD_WRITABLE, 32 },
  { "salary-min", "salary.min", WERVING_FIELD_DOUBLE,
    G_STRUCT_OFFSET (WervingVacancy, salary_min), WERVING_FIELD_WRITABLE, 0 },
  { "salary-max", "salary.max", WERVING_FIELD_DOUBLE,
    G_STRUCT_OFFSET (WervingVacancy, salary_max), WERVING_FIELD_WRITABLE, 0 },
  { "salary-period", "salary.period", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, salary_period), WERVING_FIELD_WRITABLE, 16 },
  { "skills", "skills", WERVING_FIELD_STRV,
    G_STRUCT_OFFSET (WervingVacancy, skills), WERVING_FIELD_WRITABLE, 60 },
  { "start-date", "start_date", WERVING_FIELD_DATE,
    G_STRUCT_OFFSET (WervingVacancy, start_date), WERVING_FIELD_WRITABLE, 0 },
  { "closing-date", "closing_date", WERVING_FIELD_DATE,
    G_STRUCT_OFFSET (WervingVacancy, closing_date), WERVING_FIELD_WRITABLE, 0 },
  { "status", "status", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingVacancy, status), 0, 32 },
  { "created-at", "created_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingVacancy, created_at), 0, 0 },
  { "updated-at", "updated_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingVacancy, updated_at), 0, 0 },
};

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

static void
werving_vacancy_finalize (GObject *object)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), object);

  G_OBJECT_CLASS (werving_vacancy_parent_class)->finalize (object);
}

static void
werving_vacancy_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_vacancy_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (werving_json_fields_set_value (&fields[prop_id - 1], object, value))
    g_object_notify_by_pspec (object, pspec);
}

static void
werving_vacancy_class_init (WervingVacancyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_vacancy_finalize;
  object_class->get_property = werving_vacancy_get_property;
  object_class->set_property = werving_vacancy_set_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_vacancy_init (WervingVacancy *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

WervingVacancy *
werving_vacancy_new (void)
{
  return g_object_new (WERVING_TYPE_VACANCY, NULL);
}

/**
 * werving_vacancy_new_from_json:
 *
 * Parses one Vacancy object. Never trusts @node: a missing required member, a
 * wrong type or an oversized value gives a WERVING_ERROR_PARSE error.
 *
 * Returns: (transfer full) (nullable): the new object, or NULL on error
 */
WervingVacancy *
werving_vacancy_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(WervingVacancy) self = werving_vacancy_new ();

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * werving_vacancy_to_json:
 *
 * Returns: (transfer full): the writable members as a JSON object
 */
JsonNode *
werving_vacancy_to_json (const WervingVacancy *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (WERVING_IS_VACANCY ((gpointer) self), NULL);

  json_builder_begin_object (builder);
  werving_json_fields_write (fields, G_N_ELEMENTS (fields), self, builder, TRUE);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gint64
werving_vacancy_get_id (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), -1);

  return self->id;
}

const char *
werving_vacancy_get_title (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->title;
}

const char *
werving_vacancy_get_description (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->description;
}

const char *
werving_vacancy_get_occupation_code (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->occupation_code;
}

const char *
werving_vacancy_get_occupation_label (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->occupation_label;
}

const char *
werving_vacancy_get_place (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->place;
}

const char *
werving_vacancy_get_postcode (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->postcode;
}

gint64
werving_vacancy_get_hours_min (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), -1);

  return self->hours_min;
}

gint64
werving_vacancy_get_hours_max (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), -1);

  return self->hours_max;
}

const char *
werving_vacancy_get_contract_type (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->contract_type;
}

const char *
werving_vacancy_get_education_level (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->education_level;
}

double
werving_vacancy_get_salary_min (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), -1);

  return self->salary_min;
}

double
werving_vacancy_get_salary_max (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), -1);

  return self->salary_max;
}

const char *
werving_vacancy_get_salary_period (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->salary_period;
}

const char * const *
werving_vacancy_get_skills (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return (const char * const *) self->skills;
}

const char *
werving_vacancy_get_start_date (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->start_date;
}

const char *
werving_vacancy_get_closing_date (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->closing_date;
}

const char *
werving_vacancy_get_status (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->status;
}

GDateTime *
werving_vacancy_get_created_at (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->created_at;
}

GDateTime *
werving_vacancy_get_updated_at (WervingVacancy *self)
{
  g_return_val_if_fail (WERVING_IS_VACANCY (self), NULL);

  return self->updated_at;
}

void
werving_vacancy_set_title (WervingVacancy *self,
                           const char     *title)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, title);
  if (werving_json_fields_set_value (&fields[1], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[2]);
}

void
werving_vacancy_set_description (WervingVacancy *self,
                                 const char     *description)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, description);
  if (werving_json_fields_set_value (&fields[2], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[3]);
}

void
werving_vacancy_set_occupation_code (WervingVacancy *self,
                                     const char     *occupation_code)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, occupation_code);
  if (werving_json_fields_set_value (&fields[3], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[4]);
}

void
werving_vacancy_set_occupation_label (WervingVacancy *self,
                                      const char     *occupation_label)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, occupation_label);
  if (werving_json_fields_set_value (&fields[4], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[5]);
}

void
werving_vacancy_set_place (WervingVacancy *self,
                           const char     *place)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, place);
  if (werving_json_fields_set_value (&fields[5], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[6]);
}

void
werving_vacancy_set_postcode (WervingVacancy *self,
                              const char     *postcode)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, postcode);
  if (werving_json_fields_set_value (&fields[6], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[7]);
}

void
werving_vacancy_set_hours_min (WervingVacancy *self,
                               gint64          hours_min)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, hours_min);
  if (werving_json_fields_set_value (&fields[7], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[8]);
}

void
werving_vacancy_set_hours_max (WervingVacancy *self,
                               gint64          hours_max)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, hours_max);
  if (werving_json_fields_set_value (&fields[8], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[9]);
}

void
werving_vacancy_set_contract_type (WervingVacancy *self,
                                   const char     *contract_type)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, contract_type);
  if (werving_json_fields_set_value (&fields[9], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[10]);
}

void
werving_vacancy_set_education_level (WervingVacancy *self,
                                     const char     *education_level)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, education_level);
  if (werving_json_fields_set_value (&fields[10], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[11]);
}

void
werving_vacancy_set_salary_min (WervingVacancy *self,
                                double          salary_min)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, salary_min);
  if (werving_json_fields_set_value (&fields[11], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[12]);
}

void
werving_vacancy_set_salary_max (WervingVacancy *self,
                                double          salary_max)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, salary_max);
  if (werving_json_fields_set_value (&fields[12], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[13]);
}

void
werving_vacancy_set_salary_period (WervingVacancy *self,
                                   const char     *salary_period)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, salary_period);
  if (werving_json_fields_set_value (&fields[13], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[14]);
}

void
werving_vacancy_set_skills (WervingVacancy *self,
                            const char * const *skills)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, skills);
  if (werving_json_fields_set_value (&fields[14], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[15]);
}

void
werving_vacancy_set_start_date (WervingVacancy *self,
                                const char     *start_date)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, start_date);
  if (werving_json_fields_set_value (&fields[15], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[16]);
}

void
werving_vacancy_set_closing_date (WervingVacancy *self,
                                  const char     *closing_date)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_VACANCY (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, closing_date);
  if (werving_json_fields_set_value (&fields[16], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[17]);
}
