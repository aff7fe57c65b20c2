import { profileSetFieldRule, profileSetIssueRule, profileSetRequestSchema } from "../fixtures/contract/schemas";
import { longString, manyKids, userFieldsOf } from "../fixtures/set-cases";
import { expect, test } from "../fixtures/test";

/** Profile data at the edge of what a shop sends, which the SDK must pass on unchanged. */
interface EdgeCase {
  label: string;
  params: Record<string, unknown>;
  /** The rules the case checks: SET-8 for special characters, SET-3 to SET-5 for the fields' values and types. */
  rules: string[];
}

const edgeCases: EdgeCase[] = [
  { label: "Cyrillic names", params: { first_name: "Иван", last_name: "Петров-Водкин" }, rules: ["SET-8", "SET-3"] },
  { label: "CJK names", params: { first_name: "太郎", last_name: "山田" }, rules: ["SET-8", "SET-3"] },
  { label: "Arabic names", params: { first_name: "محمد", last_name: "العلي" }, rules: ["SET-8", "SET-3"] },
  // The family emoji is four emoji from outside the Basic Multilingual Plane joined by zero-width joiners.
  { label: "emoji in names", params: { first_name: "Zoë 👩🏽‍💻", last_name: "👨‍👩‍👧‍👦" }, rules: ["SET-8", "SET-3"] },
  { label: "apostrophe in name", params: { last_name: "O'Brien" }, rules: ["SET-8", "SET-3"] },
  { label: "plus in email", params: { email: "john.doe+shop@examplemail.com" }, rules: ["SET-8", "SET-3"] },
  // Every other email in the suite is lowercase, so only this case catches a build that lowercases it.
  { label: "mixed-case email", params: { email: "John.Doe+Shop@ExampleMail.com" }, rules: ["SET-3"] },
  { label: "plus in phone", params: { phone: "+44 (0) 114 527-199" }, rules: ["SET-8", "SET-3"] },
  {
    label: "URL and JSON metacharacters",
    params: { location: 'Zürich & "Old Town" <b>\\ / ?a=1#x %20 \t' },
    rules: ["SET-8", "SET-4"],
  },
  { label: "zero numbers", params: { age: 0, loyalty_bonuses: 0, loyalty_bonuses_to_next_level: 0, id: 0 }, rules: ["SET-3", "SET-4"] },
  {
    label: "maximum safe integers",
    params: { id: Number.MAX_SAFE_INTEGER, loyalty_bonuses: Number.MAX_SAFE_INTEGER, loyalty_bonuses_to_next_level: Number.MAX_SAFE_INTEGER },
    rules: ["SET-3", "SET-4"],
  },
  { label: "fractional bonuses", params: { loyalty_bonuses: 12.5, loyalty_bonuses_to_next_level: 0.25 }, rules: ["SET-4"] },
  { label: "fifty kids", params: { kids: manyKids(50) }, rules: ["SET-5"] },
  {
    label: "10,000-character name",
    params: { first_name: longString(10_000, "Jean-Luc O'Brien + Иван 太郎 & ") },
    rules: ["SET-8", "SET-3"],
  },
];

test.describe("profile set edge values", { tag: "@set" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  for (const { label, params, rules } of edgeCases) {
    test(
      `set keeps ${label}`,
      { annotation: rules.map((rule) => ({ type: "rule", description: rule })) },
      async ({ storefront, mockApi, suiteConfig }) => {
        const call = await storefront.profileSet(params);
        const request = await mockApi.recorder.waitFor("POST", "/profile/set");
        await call.settled();

        for (const [field, value] of Object.entries(params)) {
          // Name the field's own rule, so that a wrong age blames SET-4 and not every rule of the case.
          const fieldRules = rules.filter((rule) => rule === "SET-8" || rule === profileSetFieldRule(field));
          expect(request.params[field], `${fieldRules.join(", ")}: ${field} should arrive exactly as the caller passed it`).toStrictEqual(value);
        }
        expect(userFieldsOf(request), "SET-7: the profile data should be exactly the caller's fields").toStrictEqual(params);
        await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: rules[0], ruleOf: profileSetIssueRule });
      },
    );
  }
});
