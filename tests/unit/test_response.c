/*
 * test_response: the response model and its JSON form — every field
 * survives a round trip, unknown answers are kept, bad input is refused
 * with a German message.
 */
#include <cjson/cJSON.h>

#include "helpers.h"

#define FORM "{\"id\":\"t\",\"title\":\"T\",\"version\":\"2\",\"language\":\"de\"," \
	"\"missing\":[{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"}]," \
	"\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":[" \
	"{\"id\":\"K\",\"type\":\"text\",\"text\":\"k\"}," \
	"{\"id\":\"N\",\"type\":\"decimal\",\"text\":\"n\",\"min\":0}," \
	"{\"id\":\"D\",\"type\":\"date\",\"text\":\"d\"}," \
	"{\"id\":\"A\",\"type\":\"single\",\"text\":\"a\",\"choices\":[{\"code\":1,\"label\":\"x\"},{\"code\":5,\"label\":\"Sonstiges\",\"other\":true}]}," \
	"{\"id\":\"M\",\"type\":\"multi\",\"text\":\"m\",\"choices\":[{\"code\":1,\"label\":\"x\"},{\"code\":2,\"label\":\"y\"},{\"code\":3,\"label\":\"z\"}]}," \
	"{\"id\":\"Z\",\"type\":\"integer\",\"text\":\"z\",\"min\":0}]}]}"

/* Build a response that uses every kind of field. */
static struct response *full_response(const struct form *f)
{
	struct response *r = response_new(f, 1480000000);
	struct value v = value_str("Bad Münstereifel – „Zentrum“ 中 \"quoted\"\n2. Zeile");
	response_set_value(r, slot_of(f, "K"), &v, 1480000100);
	value_free(&v);
	v = value_num(123456789.125);
	response_set_value(r, slot_of(f, "N"), &v, 1480000200);
	v = value_date(17166);
	response_set_value(r, slot_of(f, "D"), &v, 1480000300);
	v = value_num(5);
	response_set_value(r, slot_of(f, "A"), &v, 1480000400);
	response_set_other(r, slot_of(f, "A"), "Eigene Antwort", 1480000401);
	int32_t codes[] = {3, 1};
	v = value_set(codes, 2);
	response_set_value(r, slot_of(f, "M"), &v, 1480000500);
	value_free(&v);
	response_set_missing(r, slot_of(f, "Z"), -1, 1480000600);
	response_confirm(r, "Z.required");
	response_confirm(r, "A.1");
	response_set_position(r, "M");
	r->status = RESP_COMPLETE;
	r->revision = 3;
	r->completed = 1480000700;
	return r;
}

Test(response, new_has_uuid_v4_and_is_a_draft)
{
	struct form *f = load_ok(FORM);
	struct response *a = response_new(f, 5), *b = response_new(f, 5);
	cr_assert_eq(strlen(a->uuid), 36);
	cr_assert_eq(a->uuid[14], '4');
	cr_assert(strchr("89ab", a->uuid[19]));
	cr_assert_str_neq(a->uuid, b->uuid);
	cr_assert_eq(a->status, RESP_DRAFT);
	cr_assert_eq(a->revision, 1);
	response_free(&a);
	response_free(&b);
	cr_assert_null(a);
	form_free(&f);
}

Test(response, json_round_trip_is_lossless)
{
	struct form *f = load_ok(FORM);
	struct response *r = full_response(f);
	char *json = response_to_json(r);
	struct response *back;
	char err[200];
	cr_assert_eq(response_from_json(f, json, strlen(json), &back, err, sizeof err), 0, "%s", err);
	char *again = response_to_json(back);
	cr_assert_str_eq(json, again, "a second round trip changes nothing");
	cr_assert_str_eq(back->uuid, r->uuid);
	cr_assert_eq(back->status, RESP_COMPLETE);
	cr_assert_eq(back->revision, 3);
	cr_assert_eq(back->created, 1480000000);
	cr_assert_eq(back->completed, 1480000700);
	cr_assert_str_eq(back->position, "M");
	for (int s = 0; s < f->nslots; s++) {
		cr_assert_eq(back->ans[s].state, r->ans[s].state);
		cr_assert_eq(back->ans[s].at, r->ans[s].at);
		cr_assert(value_equal(&back->ans[s].v, &r->ans[s].v), "slot %d", s);
	}
	cr_assert_str_eq(back->ans[slot_of(f, "A")].other, "Eigene Antwort");
	cr_assert_eq(back->ans[slot_of(f, "Z")].missing, -1);
	cr_assert_eq(back->ans[slot_of(f, "M")].v.u.set.codes[0], 1, "sets are sorted");
	cr_assert(response_is_confirmed(back, "A.1"));
	cr_assert(response_is_confirmed(back, "Z.required"));
	cr_assert_not(response_is_confirmed(back, "A.2"));
	free(json);
	free(again);
	response_free(&r);
	response_free(&back);
	form_free(&f);
}

Test(response, large_and_fractional_numbers_survive)
{
	struct form *f = load_ok(FORM);
	double values[] = {0.1, 1e15, 999999999999999.0, 1.0 / 3.0, 2.5e-7};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		struct response *r = response_new(f, 1), *back;
		struct value v = value_num(values[i]);
		response_set_value(r, slot_of(f, "N"), &v, 2);
		char *json = response_to_json(r), err[200];
		cr_assert_eq(response_from_json(f, json, strlen(json), &back, err, sizeof err), 0);
		cr_assert_eq(back->ans[slot_of(f, "N")].v.u.num, values[i], "%.17g", values[i]);
		free(json);
		response_free(&r);
		response_free(&back);
	}
	form_free(&f);
}

Test(response, unknown_answers_are_kept)
{
	struct form *f = load_ok(FORM);
	struct response *r = response_new(f, 1);
	char *json = response_to_json(r);
	cJSON *o = cJSON_Parse(json);
	cJSON *old = cJSON_CreateObject();
	cJSON_AddNumberToObject(old, "value", 4);
	cJSON_AddItemToObject(cJSON_GetObjectItem(o, "answers"), "ALT_7", old);
	char *edited = cJSON_PrintUnformatted(o);
	struct response *back;
	char err[200];
	cr_assert_eq(response_from_json(f, edited, strlen(edited), &back, err, sizeof err), 0, "%s", err);
	char *out = response_to_json(back);
	cr_assert(strstr(out, "\"ALT_7\":{\"value\":4}"), "%s", out);
	cJSON_Delete(o);
	free(json);
	free(edited);
	free(out);
	response_free(&r);
	response_free(&back);
	form_free(&f);
}

/* Replace the first 'from' by 'to' in a serialised response and parse it. */
static void expect_refused(const char *from, const char *to, const char *msg)
{
	struct form *f = load_ok(FORM);
	struct response *r = full_response(f), *back;
	char *json = response_to_json(r);
	char *at = strstr(json, from);
	cr_assert(at, "test bug: %s not in %s", from, json);
	struct sbuf b = {0};
	sbuf_add(&b, json, (size_t)(at - json));
	sbuf_adds(&b, to);
	sbuf_adds(&b, at + strlen(from));
	char err[200] = "";
	cr_assert_eq(response_from_json(f, b.data, b.len, &back, err, sizeof err), -1, "%s", b.data);
	cr_assert_null(back);
	cr_assert(strstr(err, msg), "'%s' does not contain '%s'", err, msg);
	sbuf_free(&b);
	free(json);
	response_free(&r);
	form_free(&f);
}

Test(response, bad_input_is_refused)
{
	expect_refused("\"form_id\":\"t\"", "\"form_id\":\"other\"", "anderen Fragebogen");
	expect_refused("\"format\":\"fragebogen-response\"", "\"format\":\"x\"", "keine Antwortdatei");
	expect_refused("\"format_version\":1", "\"format_version\":2", "unbekannte Version");
	expect_refused("\"revision\":3", "\"revision\":0", "Revision");
	expect_refused("\"status\":\"complete\"", "\"status\":\"fertig\"", "unbekannter Status");
	expect_refused("\"N\":{\"value\":123456789.125", "\"N\":{\"value\":\"viel\"", "falschen Typ");
	expect_refused("\"D\":{\"value\":\"2016-12-31\"", "\"D\":{\"value\":\"2016-02-30\"", "falschen Typ");
	expect_refused("\"M\":{\"value\":[1,3]", "\"M\":{\"value\":[1,2.5]", "falschen Typ");
	expect_refused("\"created\":\"2016-11-24T15:06:40Z\"", "\"created\":\"gestern\"", "Zeitpunkt");
	expect_refused("\"Z\":{\"missing\":-1", "\"Z\":{\"missing\":\"w\"", "Fehlwert-Code");
	struct form *f = load_ok(FORM);
	struct response *r;
	char err[200];
	cr_assert_eq(response_from_json(f, "{\"x\":", 5, &r, err, sizeof err), -1);
	cr_assert(strstr(err, "kein gültiges JSON"));
	form_free(&f);
}

Test(response, confirmations_stay_sorted_and_unique)
{
	struct form *f = load_ok(FORM);
	struct response *r = response_new(f, 1);
	const char *ids[] = {"C.1", "A.2", "B.1", "A.2", "A.1"};
	for (int i = 0; i < 5; i++)
		response_confirm(r, ids[i]);
	cr_assert_eq(r->nconfirmed, 4);
	cr_assert_str_eq(r->confirmed[0], "A.1");
	cr_assert_str_eq(r->confirmed[3], "C.1");
	response_unconfirm(r, "B.1");
	response_unconfirm(r, "nicht da");
	cr_assert_eq(r->nconfirmed, 3);
	cr_assert_not(response_is_confirmed(r, "B.1"));
	response_free(&r);
	form_free(&f);
}

Test(response, time_format)
{
	char buf[32];
	response_format_time(1480000000, buf, sizeof buf);
	cr_assert_str_eq(buf, "2016-11-24T15:06:40Z");
	int64_t t;
	cr_assert_eq(response_parse_time(buf, &t), 0);
	cr_assert_eq(t, 1480000000);
	cr_assert_eq(response_parse_time("2016-11-24 15:06:40", &t), -1);
	cr_assert_eq(response_parse_time("2016-13-24T15:06:40Z", &t), -1);
}

Test(response, the_same_answer_again_changes_nothing)
{
	struct form *f = load_ok(FORM);
	struct response *r = response_new(f, 5);
	struct value v = value_num(5);
	response_set_value(r, slot_of(f, "A"), &v, 10);
	response_set_missing(r, slot_of(f, "N"), -1, 10);
	response_finish(r, 20);
	int events = response_audit_count(r);
	response_set_value(r, slot_of(f, "A"), &v, 30);
	response_set_missing(r, slot_of(f, "N"), -1, 30);
	cr_expect_eq(r->status, RESP_COMPLETE);
	cr_expect_eq(r->revision, 1);
	cr_expect_eq(response_audit_count(r), events);
	cr_expect_eq(r->modified, 20);
	v = value_num(6); /* a real change: a draft of revision 2 */
	response_set_value(r, slot_of(f, "A"), &v, 40);
	cr_expect_eq(r->status, RESP_DRAFT);
	cr_expect_eq(r->revision, 2);
	response_free(&r);
	form_free(&f);
}
