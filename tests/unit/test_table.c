/*
 * Tests of the data dictionary (table) and of turning responses into rows
 * (dataset): names, labels, codes, system- and user-missing cells, the JSON
 * round trip and merging two form versions.
 */
#include <math.h>

#include <cjson/cJSON.h>

#include "export/dataset.h"
#include "export/table.h"
#include "export/tabjson.h"
#include "helpers.h"
#include "util/xmalloc.h"

static const char *form_json =
	"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
	"\"breakdown\":\"art\",\"label_variable\":\"name\","
	"\"missing\":[{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"}],"
	"\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":["
	"{\"id\":\"name\",\"type\":\"text\",\"text\":\"Name?\",\"missing\":[]},"
	"{\"id\":\"art\",\"type\":\"single\",\"text\":\"Art?\",\"label\":\"Art\","
	" \"choices\":[{\"code\":1,\"label\":\"Stadt\"},{\"code\":2,\"label\":\"Kreis\"}]},"
	"{\"id\":\"hilfe\",\"type\":\"multi\",\"text\":\"Hilfen?\",\"choices\":["
	" {\"code\":1,\"label\":\"Sprache\"},{\"code\":2,\"label\":\"Wohnen\"},"
	" {\"code\":9,\"label\":\"Sonstiges\",\"other\":true}]},"
	"{\"id\":\"nur_kreis\",\"type\":\"integer\",\"min\":0,\"text\":\"Zahl?\",\"visible_if\":\"art == 2\"},"
	"{\"id\":\"bat\",\"type\":\"matrix\",\"text\":\"Wie?\",\"rows\":["
	" {\"id\":\"bat_a\",\"text\":\"Schule\"},{\"id\":\"bat_b\",\"text\":\"Kita\"}],"
	" \"choices\":[{\"code\":1,\"label\":\"gut\"},{\"code\":2,\"label\":\"schlecht\"}]}"
	"]}],"
	"\"computed\":[{\"id\":\"zwei\",\"expr\":\"if(art == 2, 1, 0)\",\"label\":\"Kreis?\"}]}";

Test(table, columns_from_form)
{
	struct form *f = load_ok(form_json);
	struct table t;
	table_from_form(f, &t);
	const char *names[] = {"id", "form_version", "status", "revision", "created", "modified",
	                       "completed", "simulated", "name", "art", "hilfe_1", "hilfe_2", "hilfe_9",
	                       "hilfe_txt", "nur_kreis", "bat_a", "bat_b", "zwei"};
	cr_assert_eq(t.ncols, (int)(sizeof names / sizeof *names));
	for (int i = 0; i < t.ncols; i++)
		cr_expect_str_eq(t.cols[i].name, names[i]);
	const struct column *h = &t.cols[table_find(&t, "hilfe_2")];
	cr_expect_eq(h->role, ROLE_OPTION);
	cr_expect_str_eq(h->item, "Wohnen");
	cr_expect_str_eq(table_value_label(h, 1), "genannt");
	cr_expect(table_is_missing(h, -1));
	const struct column *a = &t.cols[table_find(&t, "art")];
	cr_expect_str_eq(a->label, "Art");
	cr_expect_str_eq(table_value_label(a, 2), "Kreis");
	cr_expect_str_eq(table_value_label(a, -1), "weiß nicht");
	cr_expect_not(table_is_missing(&t.cols[table_find(&t, "name")], -1));
	cr_expect_eq(t.cols[table_find(&t, "bat_b")].role, ROLE_ITEM);
	cr_expect_str_eq(t.cols[table_find(&t, "bat_b")].question, "bat");
	cr_expect_str_eq(t.breakdown, "art");
	cr_expect_str_eq(t.label_column, "name");
	table_free(&t);
	form_free(&f);
}

Test(table, json_round_trip_and_merge)
{
	struct form *f = load_ok(form_json);
	struct table t, back, other;
	table_from_form(f, &t);
	cJSON *j = tabjson_write(&t);
	char err[200];
	cr_assert_eq(tabjson_read(j, &back, err, sizeof err), 0, "%s", err);
	cr_assert_eq(back.ncols, t.ncols);
	for (int i = 0; i < t.ncols; i++) {
		cr_expect_str_eq(back.cols[i].name, t.cols[i].name);
		cr_expect_str_eq(back.cols[i].label, t.cols[i].label);
		cr_expect_eq(back.cols[i].nvalues, t.cols[i].nvalues);
		cr_expect_eq(back.cols[i].nmissing, t.cols[i].nmissing);
		cr_expect_eq(back.cols[i].role, t.cols[i].role);
	}
	/* A later version: one more option and a new question. */
	cJSON *cols = cJSON_GetObjectItem(j, "columns");
	cJSON *art = cJSON_GetArrayItem(cols, table_find(&t, "art"));
	cJSON_ReplaceItemInObject(art, "values", cJSON_Parse("[[1,\"Stadt\"],[2,\"Kreis\"],"
	                                                     "[3,\"Gemeinde\"]]"));
	cJSON *neu = cJSON_Parse("{\"name\":\"neu\",\"label\":\"Neu\",\"type\":\"numeric\","
	                         "\"role\":\"number\"}");
	cJSON_AddItemToArray(cols, neu);
	cr_assert_eq(tabjson_read(j, &other, err, sizeof err), 0, "%s", err);
	cr_assert_eq(other.ncols, t.ncols + 1, "other has %d", other.ncols);
	cr_assert_eq(table_merge(&back, &other, err, sizeof err), 0, "%s", err);
	cr_expect_eq(back.ncols, t.ncols + 1);
	cr_expect_str_eq(back.cols[t.ncols].name, "neu");
	cr_expect_str_eq(table_value_label(&back.cols[table_find(&back, "art")], 1), "Stadt");
	cr_expect_str_eq(table_value_label(&back.cols[table_find(&back, "art")], 3), "Gemeinde");
	cr_expect_eq(table_find(&back, "art"), table_find(&t, "art"), "no column moves");
	table_free(&other);
	/* A column that changes its type is refused. */
	cJSON_ReplaceItemInObject(art, "type", cJSON_CreateString("string"));
	cr_assert_eq(tabjson_read(j, &other, err, sizeof err), 0, "%s", err);
	cr_expect_eq(table_merge(&back, &other, err, sizeof err), -1);
	cr_expect(strstr(err, "art") != NULL, "%s", err);
	table_free(&other);
	cJSON_Delete(j);
	table_free(&back);
	table_free(&t);
	form_free(&f);
}

Test(table, piped_texts_get_their_fallback)
{
	struct form *f = load_ok(
		"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
		"\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":["
		"{\"id\":\"name\",\"type\":\"text\",\"text\":\"Name?\"},"
		"{\"id\":\"n\",\"type\":\"integer\",\"min\":0,"
		" \"text\":\"Wie viele in {name|Ihrer Kommune}?\"}]}]}");
	struct table t;
	table_from_form(f, &t);
	const struct column *c = &t.cols[table_find(&t, "n")];
	cr_expect_str_eq(c->qtext, "Wie viele in Ihrer Kommune?");
	cr_expect_str_eq(c->label, "Wie viele in Ihrer Kommune?");
	table_free(&t);
	form_free(&f);
}

Test(table, duplicate_and_bad_set_refs_are_refused)
{
	struct table t;
	char err[200];
	cJSON *j = cJSON_Parse("{\"form_id\":\"x\",\"columns\":["
	                       "{\"name\":\"a\",\"label\":\"A\",\"type\":\"numeric\",\"role\":\"single\"},"
	                       "{\"name\":\"a\",\"label\":\"B\",\"type\":\"numeric\",\"role\":\"single\"}]}");
	cr_expect_eq(tabjson_read(j, &t, err, sizeof err), -1);
	cr_expect(strstr(err, "zweimal") != NULL, "%s", err);
	cJSON_Delete(j);
	j = cJSON_Parse("{\"form_id\":\"x\",\"label_sets\":[],\"columns\":["
	                "{\"name\":\"a\",\"label\":\"A\",\"type\":\"numeric\",\"role\":\"single\","
	                "\"values\":0}]}");
	cr_expect_eq(tabjson_read(j, &t, err, sizeof err), -1);
	cJSON_Delete(j);
}

Test(table, meta_columns_are_checked_by_name_type_and_place)
{
	struct form *f = load_ok(form_json);
	struct table t;
	table_from_form(f, &t);
	cr_expect(table_has_meta(&t));
	t.cols[TCOL_STATUS].type = COL_STRING;
	cr_expect_not(table_has_meta(&t));
	t.cols[TCOL_STATUS].type = COL_NUMERIC;
	free(t.cols[TCOL_CREATED].name);
	t.cols[TCOL_CREATED].name = xstrdup("erstellt");
	cr_expect_not(table_has_meta(&t));
	table_free(&t);
	form_free(&f);
}

Test(table, oversized_label_lists_are_refused)
{
	struct sbuf b = {0};
	sbuf_adds(&b, "{\"form_id\":\"x\",\"columns\":[{\"name\":\"a\",\"label\":\"A\","
	              "\"type\":\"numeric\",\"role\":\"single\",\"values\":[");
	for (int i = 0; i <= TABLE_MAX_LABELS; i++)
		sbuf_printf(&b, "%s[%d,\"l\"]", i ? "," : "", i);
	sbuf_adds(&b, "]}]}");
	cJSON *j = cJSON_Parse(sbuf_str(&b));
	struct table t;
	char err[200];
	cr_expect_eq(tabjson_read(j, &t, err, sizeof err), -1);
	cJSON_Delete(j);
	sbuf_free(&b);
	/* Two labels for one code are refused too. */
	j = cJSON_Parse("{\"form_id\":\"x\",\"columns\":[{\"name\":\"a\",\"label\":\"A\","
	                "\"type\":\"numeric\",\"role\":\"single\",\"values\":[[1,\"a\"],[1,\"b\"]]}]}");
	cr_expect_eq(tabjson_read(j, &t, err, sizeof err), -1);
	cJSON_Delete(j);
}

Test(table, broken_json_is_refused)
{
	struct table t;
	char err[200];
	cJSON *j = cJSON_Parse("{\"form_id\":\"x\",\"columns\":[{\"name\":\"a\"}]}");
	cr_expect_eq(tabjson_read(j, &t, err, sizeof err), -1);
	cr_expect(strstr(err, "Spalte 1") != NULL, "%s", err);
	cJSON_Delete(j);
	j = cJSON_Parse("[1]");
	cr_expect_eq(tabjson_read(j, &t, err, sizeof err), -1);
	cJSON_Delete(j);
}

Test(dataset, cells_of_a_response)
{
	struct form *f = load_ok(form_json);
	struct table t;
	table_from_form(f, &t);
	struct dataset d;
	dataset_init(&d, &t);
	struct response *r = response_new(f, 1000);
	struct engine e;
	engine_init(&e, f, r);
	struct value v = value_str("Köln");
	engine_set_value(&e, slot_of(f, "name"), &v);
	value_free(&v);
	v = value_num(1);
	engine_set_value(&e, slot_of(f, "art"), &v);
	value_free(&v);
	int32_t codes[] = {2, 9};
	v = value_set(codes, 2);
	engine_set_value(&e, slot_of(f, "hilfe"), &v);
	value_free(&v);
	engine_set_other(&e, slot_of(f, "hilfe"), "Paten");
	v = value_num(5);
	engine_set_value(&e, slot_of(f, "nur_kreis"), &v); /* kept, but routed past */
	value_free(&v);
	engine_set_missing(&e, slot_of(f, "bat_a"), -1);
	int row = dataset_add_response(&d, &e);
	cr_expect_str_eq(dataset_str(&d, row, TCOL_ID), r->uuid);
	cr_expect_eq(dataset_num(&d, row, TCOL_STATUS), 1);
	cr_expect_str_eq(dataset_str(&d, row, table_find(&t, "name")), "Köln");
	cr_expect_eq(dataset_num(&d, row, table_find(&t, "art")), 1);
	cr_expect_eq(dataset_num(&d, row, table_find(&t, "hilfe_1")), 0);
	cr_expect_eq(dataset_num(&d, row, table_find(&t, "hilfe_2")), 1);
	cr_expect_eq(dataset_num(&d, row, table_find(&t, "hilfe_9")), 1);
	cr_expect_str_eq(dataset_str(&d, row, table_find(&t, "hilfe_txt")), "Paten");
	cr_expect(isnan(dataset_num(&d, row, table_find(&t, "nur_kreis"))), "routed past");
	cr_expect_eq(dataset_num(&d, row, table_find(&t, "bat_a")), -1);
	cr_expect(isnan(dataset_num(&d, row, table_find(&t, "bat_b"))), "blank");
	cr_expect_eq(dataset_num(&d, row, table_find(&t, "zwei")), 0);
	cr_expect_null(dataset_str(&d, row, TCOL_COMPLETED));
	/* A second response: multi answered with a missing code. */
	engine_free(&e);
	response_free(&r);
	r = response_new(f, 2000);
	engine_init(&e, f, r);
	engine_set_missing(&e, slot_of(f, "hilfe"), -1);
	row = dataset_add_response(&d, &e);
	cr_expect_eq(row, 1);
	cr_expect_eq(dataset_num(&d, row, table_find(&t, "hilfe_1")), -1);
	cr_expect_null(dataset_str(&d, row, table_find(&t, "hilfe_txt")));
	cr_expect_null(dataset_str(&d, row, table_find(&t, "name")));
	engine_free(&e);
	response_free(&r);
	dataset_free(&d);
	table_free(&t);
	form_free(&f);
}

Test(dataset, many_rows_and_a_late_column)
{
	struct form *f = load_ok(form_json);
	struct table t;
	table_from_form(f, &t);
	struct dataset d;
	dataset_init(&d, &t);
	for (int i = 0; i < 1000; i++)
		dataset_set_num(&d, dataset_add_row(&d), table_find(&t, "art"), i % 2 + 1);
	struct column c = {.name = "spaet", .label = "Spät", .type = COL_STRING, .var = -1};
	int k = dataset_add_column(&d, &c);
	cr_assert_eq(k, t.ncols);
	cr_expect_null(dataset_str(&d, 999, k));
	dataset_set_str(&d, 999, k, "ä");
	cr_expect_str_eq(dataset_str(&d, 999, k), "ä");
	cr_expect_eq(dataset_num(&d, 998, table_find(&t, "art")), 1);
	cr_expect_eq(dataset_add_column(&d, &c), k, "adding twice finds the column");
	cr_expect_str_eq(dataset_str(&d, 999, k), "ä", "and keeps its cells");
	dataset_free(&d);
	table_free(&t);
	form_free(&f);
}
