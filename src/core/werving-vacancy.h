/* werving-vacancy.h: a vacancy of the signed-in organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WERVING_TYPE_VACANCY (werving_vacancy_get_type ())
G_DECLARE_FINAL_TYPE (WervingVacancy, werving_vacancy, WERVING, VACANCY, GObject)

WervingVacancy     *werving_vacancy_new                  (void);
WervingVacancy     *werving_vacancy_new_from_json        (JsonNode  *node,
                                                          GError   **error);
JsonNode           *werving_vacancy_to_json              (const WervingVacancy *self);
gint64              werving_vacancy_get_id               (WervingVacancy *self);
const char         *werving_vacancy_get_title            (WervingVacancy *self);
const char         *werving_vacancy_get_description      (WervingVacancy *self);
const char         *werving_vacancy_get_occupation_code  (WervingVacancy *self);
const char         *werving_vacancy_get_occupation_label (WervingVacancy *self);
const char         *werving_vacancy_get_place            (WervingVacancy *self);
const char         *werving_vacancy_get_postcode         (WervingVacancy *self);
gint64              werving_vacancy_get_hours_min        (WervingVacancy *self);
gint64              werving_vacancy_get_hours_max        (WervingVacancy *self);
const char         *werving_vacancy_get_contract_type    (WervingVacancy *self);
const char         *werving_vacancy_get_education_level  (WervingVacancy *self);
double              werving_vacancy_get_salary_min       (WervingVacancy *self);
double              werving_vacancy_get_salary_max       (WervingVacancy *self);
const char         *werving_vacancy_get_salary_period    (WervingVacancy *self);
const char * const *werving_vacancy_get_skills           (WervingVacancy *self);
const char         *werving_vacancy_get_start_date       (WervingVacancy *self);
const char         *werving_vacancy_get_closing_date     (WervingVacancy *self);
const char         *werving_vacancy_get_status           (WervingVacancy *self);
GDateTime          *werving_vacancy_get_created_at       (WervingVacancy *self);
GDateTime          *werving_vacancy_get_updated_at       (WervingVacancy *self);
void                werving_vacancy_set_title            (WervingVacancy *self,
                                                          const char     *title);
void                werving_vacancy_set_description      (WervingVacancy *self,
                                                          const char     *description);
void                werving_vacancy_set_occupation_code  (WervingVacancy *self,
                                                          const char     *occupation_code);
void                werving_vacancy_set_occupation_label (WervingVacancy *self,
                                                          const char     *occupation_label);
void                werving_vacancy_set_place            (WervingVacancy *self,
                                                          const char     *place);
void                werving_vacancy_set_postcode         (WervingVacancy *self,
                                                          const char     *postcode);
void                werving_vacancy_set_hours_min        (WervingVacancy *self,
                                                          gint64          hours_min);
void                werving_vacancy_set_hours_max        (WervingVacancy *self,
                                                          gint64          hours_max);
void                werving_vacancy_set_contract_type    (WervingVacancy *self,
                                                          const char     *contract_type);
void                werving_vacancy_set_education_level  (WervingVacancy *self,
                                                          const char     *education_level);
void                werving_vacancy_set_salary_min       (WervingVacancy *self,
                                                          double          salary_min);
void                werving_vacancy_set_salary_max       (WervingVacancy *self,
                                                          double          salary_max);
void                werving_vacancy_set_salary_period    (WervingVacancy *self,
                                                          const char     *salary_period);
void                werving_vacancy_set_skills           (WervingVacancy     *self,
                                                          const char * const *skills);
void                werving_vacancy_set_start_date       (WervingVacancy *self,
                                                          const char     *start_date);
void                werving_vacancy_set_closing_date     (WervingVacancy *self,
                                                          const char     *closing_date);

G_END_DECLS
