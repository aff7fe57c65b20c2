import { loadConfig } from "../fixtures/config";
import { profileFieldsSchema, profileSetIssueRule, profileSetRequestSchema } from "../fixtures/contract/schemas";
import { userFieldNamesOf } from "../fixtures/set-cases";
import { expect, test } from "../fixtures/test";

const documentedFields = Object.keys(profileFieldsSchema.shape);
const declaredProperties = Object.entries(loadConfig().customProperties);

/** The one real value that every empty-value test sends, so that the request still has profile data. */
const anchor = { email: "john.doe@examplemail.com" };

/** An empty value and the fields that get it: every other documented field and declared custom property, or only the list fields. */
interface EmptyCase {
  label: string;
  value: unknown;
  fields: string[];
}

const emptyCases: EmptyCase[] = [
  { label: "empty strings", value: "", fields: [...documentedFields, ...declaredProperties.map(([name]) => name)] },
  { label: "null values", value: null, fields: [...documentedFields, ...declaredProperties.map(([name]) => name)] },
  { label: "undefined values", value: undefined, fields: [...documentedFields, ...declaredProperties.map(([name]) => name)] },
  {
    label: "empty lists",
    value: [],
    fields: ["kids", "auto", ...declaredProperties.filter(([, type]) => type === "array_of_string").map(([name]) => name)],
  },
];

test.describe("profile set empty values", { tag: "@set" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  test("left-out fields stay absent", { annotation: { type: "rule", description: "SET-7" } }, async ({ storefront, mockApi, suiteConfig }) => {
    const call = await storefront.profileSet({ email: "john.doe@examplemail.com", phone: "4400114527199" });
    const request = await mockApi.recorder.waitFor("POST", "/profile/set");
    await call.settled();

    expect(userFieldNamesOf(request), "SET-7: the request should carry only the fields the caller passed, besides the envelope").toEqual(["email", "phone"]);
    await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: "SET-7", ruleOf: profileSetIssueRule });
  });

  for (const { label, value, fields } of emptyCases) {
    test(`set leaves out ${label}`, { annotation: { type: "rule", description: "SET-7" } }, async ({ storefront, mockApi, suiteConfig }) => {
      const empties = Object.fromEntries(fields.filter((field) => !(field in anchor)).map((field) => [field, value]));
      const call = await storefront.profileSet({ ...empties, ...anchor });
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      await call.settled();

      expect(
        userFieldNamesOf(request),
        `SET-7: fields passed as ${label} should be left out of the request, so only ${Object.keys(anchor).join(", ")} should remain`,
      ).toEqual(Object.keys(anchor));
      await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: "SET-7", ruleOf: profileSetIssueRule });
    });
  }

  test("set leaves out empty email", { annotation: { type: "rule", description: "SET-7" } }, async ({ storefront, mockApi, suiteConfig }) => {
    const call = await storefront.profileSet({ email: "", phone: "", first_name: "John" });
    const request = await mockApi.recorder.waitFor("POST", "/profile/set");
    await call.settled();

    expect(userFieldNamesOf(request), 'SET-7: email and phone passed as "" should be left out, so only first_name should remain').toEqual(["first_name"]);
    await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: "SET-7", ruleOf: profileSetIssueRule });
  });
});
