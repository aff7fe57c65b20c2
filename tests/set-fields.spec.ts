import { exampleCustomProperties, exampleProfileSetParams, profileSetFieldRule, profileSetIssueRule, profileSetRequestSchema } from "../fixtures/contract/schemas";
import { userFieldsOf } from "../fixtures/set-cases";
import { expect, test } from "../fixtures/test";

/** One documented field with a value the SDK must send unchanged, and the rule that documents it. */
interface FieldCase {
  label: string;
  field: string;
  value: unknown;
  rule: "SET-3" | "SET-4" | "SET-5";
}

const fieldCases: FieldCase[] = [
  { label: "email", field: "email", value: "john.doe@examplemail.com", rule: "SET-3" },
  { label: "first name", field: "first_name", value: "John", rule: "SET-3" },
  { label: "last name", field: "last_name", value: "Doe", rule: "SET-3" },
  { label: "gender m", field: "gender", value: "m", rule: "SET-3" },
  { label: "gender f", field: "gender", value: "f", rule: "SET-3" },
  { label: "numeric id", field: "id", value: 100500, rule: "SET-3" },
  { label: "string id", field: "id", value: "user-100500", rule: "SET-3" },
  { label: "phone", field: "phone", value: "4400114527199", rule: "SET-3" },
  { label: "age", field: "age", value: 31, rule: "SET-4" },
  { label: "birthday", field: "birthday", value: "1990-03-11", rule: "SET-4" },
  { label: "bought_something true", field: "bought_something", value: true, rule: "SET-4" },
  { label: "bought_something false", field: "bought_something", value: false, rule: "SET-4" },
  { label: "Facebook id", field: "fb_id", value: "000000000354677", rule: "SET-4" },
  { label: "VKontakte id", field: "vk_id", value: "vk031845", rule: "SET-4" },
  { label: "Telegram id", field: "telegram_id", value: "0125762968357835", rule: "SET-4" },
  { label: "location", field: "location", value: "NY", rule: "SET-4" },
  { label: "loyalty id", field: "loyalty_id", value: "000001234567", rule: "SET-4" },
  { label: "loyalty card location", field: "loyalty_card_location", value: "NY", rule: "SET-4" },
  { label: "loyalty status", field: "loyalty_status", value: "5% discount", rule: "SET-4" },
  { label: "loyalty bonuses", field: "loyalty_bonuses", value: 1123, rule: "SET-4" },
  { label: "bonuses to next level", field: "loyalty_bonuses_to_next_level", value: 1877, rule: "SET-4" },
  {
    label: "kids in order",
    field: "kids",
    value: [
      { gender: "m", birthday: "2001-04-12" },
      { gender: "f", birthday: "2015-07-28" },
      { gender: "f", birthday: "2009-01-30" },
    ],
    rule: "SET-5",
  },
  {
    label: "auto in order",
    field: "auto",
    value: [
      { brand: "Nissan", model: "Qashqai", vds: "TM7N243E4G0BJG978" },
      { brand: "Lada", model: "Niva", vds: "XTA212140K2312345" },
    ],
    rule: "SET-5",
  },
];

function typeName(value: unknown): string {
  return Array.isArray(value) ? "list" : typeof value;
}

test.describe("profile set fields", { tag: "@set" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  for (const { label, field, value, rule } of fieldCases) {
    test(`set sends ${label} unchanged`, { annotation: { type: "rule", description: rule } }, async ({ storefront, mockApi, suiteConfig }) => {
      const call = await storefront.profileSet({ [field]: value });
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      // NOTE: the set specs wait for the callback before checking the request, so on a build that
      // never calls back their field checks do not run and the report shows them blocked by CB-1.
      await call.settled();

      expect(
        request.params[field],
        `${rule}: ${field} should arrive as the ${typeName(value)} ${JSON.stringify(value)} the caller passed`,
      ).toStrictEqual(value);
      await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule, ruleOf: profileSetIssueRule });
    });
  }

  test(
    "set sends vendor example unchanged",
    {
      annotation: [
        { type: "rule", description: "SET-3" },
        { type: "rule", description: "SET-4" },
        { type: "rule", description: "SET-5" },
        { type: "rule", description: "SET-6" },
      ],
    },
    async ({ storefront, mockApi, suiteConfig }) => {
      const undeclared = Object.entries(exampleCustomProperties).filter(([name, type]) => suiteConfig.customProperties[name] !== type);
      test.skip(undeclared.length > 0, "the configured shop does not declare the vendor example's six custom properties (PC_CUSTOM_PROPERTIES)");

      const call = await storefront.profileSet(exampleProfileSetParams);
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      await call.settled();

      // One check per field, each naming its field's rule, so a dropped kids list blames SET-5
      // alone. They come before the schema check, whose first failure would stop the test.
      for (const [field, value] of Object.entries(exampleProfileSetParams)) {
        const rule = profileSetFieldRule(field);
        expect.soft(request.params[field], `${rule}: ${field} of the vendor's example call should arrive with its value and type`).toStrictEqual(value);
      }
      expect.soft(Object.keys(userFieldsOf(request)).sort(), "SET-7: the request should carry only the example's fields").toEqual(
        Object.keys(exampleProfileSetParams).sort(),
      );
      await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: "SET-3 to SET-6", ruleOf: profileSetIssueRule });
    },
  );
});
