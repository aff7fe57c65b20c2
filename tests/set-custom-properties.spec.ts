import type { z } from "zod";
import { loadConfig } from "../fixtures/config";
import { profileSetIssueRule, profileSetRequestSchema } from "../fixtures/contract/schemas";
import { customPropertySamples, secretFieldNames } from "../fixtures/set-cases";
import { expect, test } from "../fixtures/test";

// The declared custom properties decide which tests exist, so they are read when the file is
// collected. The suiteConfig fixture returns the same object to the tests.
const declaredProperties = Object.entries(loadConfig().customProperties);

/** Returns the issues outside the request envelope, which the SET-2 tests check. */
function nonEnvelopeIssues(error: z.ZodError | undefined): z.core.$ZodIssue[] {
  return (error?.issues ?? []).filter((issue) => profileSetIssueRule(issue) !== "SET-2");
}

/** A name the shop has not declared: valid as a custom property name, or breaking its pattern. */
const undeclaredNames = ["undeclared_property", "CamelCase", "kebab-case", "with space", "dot.name", "имя"];

test.describe("profile set custom properties", { tag: "@set" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  for (const [name, type] of declaredProperties) {
    for (const { label, value } of customPropertySamples[type]) {
      test(`set keeps ${type} property as ${label}`, { annotation: { type: "rule", description: "SET-6" } }, async ({ storefront, mockApi, suiteConfig }) => {
        const call = await storefront.profileSet({ email: "john.doe@examplemail.com", [name]: value });
        const request = await mockApi.recorder.waitFor("POST", "/profile/set");
        await call.settled();

        expect(request.params[name], `SET-6: custom property ${name} (declared as ${type}) should arrive as ${JSON.stringify(value)}`).toStrictEqual(value);
        await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: "SET-6", ruleOf: profileSetIssueRule });
      });
    }
  }

  // Only the suite has the shop's declarations, so the SDK must pass an undeclared name through
  // unchanged and the schema check must report exactly that key.
  for (const name of undeclaredNames) {
    test(`undeclared ${JSON.stringify(name)} is reported`, { annotation: { type: "rule", description: "SET-6" } }, async ({ storefront, mockApi, suiteConfig }) => {
      test.skip(name in suiteConfig.customProperties, `the configured shop declares ${name}`);

      const call = await storefront.profileSet({ email: "john.doe@examplemail.com", [name]: "value" });
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      await call.settled();

      expect(request.params[name], `SET-6: the undeclared property ${JSON.stringify(name)} should arrive unchanged, under its own name`).toBe("value");
      const issues = nonEnvelopeIssues(profileSetRequestSchema(suiteConfig.customProperties).safeParse(request.params).error);
      expect(
        issues.map((issue) => ({ code: issue.code, path: issue.path, keys: "keys" in issue ? issue.keys : undefined })),
        `SET-6: the schema check should report ${JSON.stringify(name)} as the only undeclared key`,
      ).toEqual([{ code: "unrecognized_keys", path: [], keys: [name] }]);
    });
  }

  test("object under documented name reported", { annotation: { type: "rule", description: "SET-6" } }, async ({ storefront, mockApi, suiteConfig }) => {
    // A shop cannot declare a custom property under a documented name, so a JSON object passed as
    // location is the documented location field with the wrong type. It arrives as passed, and the
    // schema check reports location.
    const location = { city: "NY", zip: "10001" };
    const call = await storefront.profileSet({ email: "john.doe@examplemail.com", location });
    const request = await mockApi.recorder.waitFor("POST", "/profile/set");
    await call.settled();

    expect(request.params.location, "SET-6: location should arrive as the caller passed it, not converted").toStrictEqual(location);
    const issues = nonEnvelopeIssues(profileSetRequestSchema(suiteConfig.customProperties).safeParse(request.params).error);
    expect(issues.map((issue) => issue.path), "SET-6: the schema check should report location, and only location").toEqual([["location"]]);
  });

  test(
    "caller cannot override envelope",
    { annotation: [{ type: "rule", description: "SET-6" }, { type: "rule", description: "SET-2" }] },
    async ({ storefront, mockApi, suiteConfig }) => {
      const forged = { shop_id: "ffffffffffffffffffffffffffffff", did: "Forged0001", seance: "forged-session", sid: "forged-session" };
      const call = await storefront.profileSet({ email: "john.doe@examplemail.com", ...forged });
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      await call.settled();
      const init = await mockApi.recorder.waitForResponse("GET", "/init");
      const { did, seance } = init.responseBody as { did: string; seance: string };

      expect(request.params.shop_id, "SET-2: a shop_id passed to profile set should not replace the init's shop id").toBe(suiteConfig.shopId);
      expect(request.params.did, "SET-2: a did passed to profile set should not replace the device id").toBe(did);
      expect(request.params.seance, "SET-2: a seance passed to profile set should not replace the session id").toBe(seance);
      expect(request.params.sid, "SET-2: a sid passed to profile set should not replace the session id").toBe(seance);
    },
  );

  test(
    "caller's secrets are not sent",
    { annotation: [{ type: "rule", description: "SET-2" }, { type: "rule", description: "SEC-1" }] },
    async ({ storefront, mockApi }) => {
      const secretValue = "0123456789abcdef0123456789abcdef";
      const call = await storefront.profileSet({ email: "john.doe@examplemail.com", shop_secret: secretValue, api_secret: secretValue });
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      await call.settled();

      for (const name of secretFieldNames) {
        expect(Object.keys(request.params), `SET-2: the request should have no ${name} field, even when the caller passes one`).not.toContain(name);
      }
      expect(request.rawBody, "SET-2: the secret's value should not appear in the body").not.toContain(secretValue);
      expect(request.url, "SET-2: the secret's value should not appear in the URL").not.toContain(secretValue);
    },
  );
});
