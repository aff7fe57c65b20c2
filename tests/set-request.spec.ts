import { profileSetIssueRule, profileSetRequestSchema } from "../fixtures/contract/schemas";
import { secretFieldNames } from "../fixtures/set-cases";
import { expect, test } from "../fixtures/test";

interface InitResponse {
  did: string;
  seance: string;
}

test.describe("profile set request", { tag: "@set" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  test("one call sends one request", { annotation: { type: "rule", description: "SET-1" } }, async ({ storefront, mockApi }) => {
    const call = await storefront.profileSet({ email: "john.doe@examplemail.com" });
    await mockApi.recorder.waitFor("POST", "/profile/set");
    await call.settled();

    const requests = mockApi.recorder.find("POST", "/profile/set");
    expect(requests.length, "SET-1: one profile set call should send exactly one POST /profile/set").toBe(1);
  });

  test("two calls send two requests", { annotation: { type: "rule", description: "SET-1" } }, async ({ storefront, mockApi }) => {
    const first = await storefront.profileSet({ email: "first@examplemail.com" });
    const second = await storefront.profileSet({ email: "second@examplemail.com" });
    await mockApi.recorder.waitFor("POST", "/profile/set", { nth: 2 });
    await first.settled();
    await second.settled();

    const requests = mockApi.recorder.find("POST", "/profile/set");
    expect(requests.length, "SET-1: two profile set calls should send exactly two POST /profile/set").toBe(2);
    const emails = requests.map((request) => request.params.email);
    expect(emails, "SET-1: each call's request should carry that call's email, in call order").toEqual(["first@examplemail.com", "second@examplemail.com"]);
  });

  test(
    "envelope carries init ids",
    { annotation: { type: "rule", description: "SET-2" } },
    async ({ storefront, mockApi, suiteConfig }) => {
      const call = await storefront.profileSet({ email: "john.doe@examplemail.com" });
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      await call.settled();
      const init = await mockApi.recorder.waitForResponse("GET", "/init");
      const { did, seance } = init.responseBody as InitResponse;

      await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: "SET-2", ruleOf: profileSetIssueRule });
      expect(request.params.shop_id, "SET-2: shop_id should be the shop id passed to init").toBe(suiteConfig.shopId);
      expect(request.params.did, "SET-2: did should be the device id the init response returned").toBe(did);
      expect(request.params.seance, "SET-2: seance should be the session id the init response returned as seance").toBe(seance);
      expect(request.params.sid, "SET-2: sid should carry the same session id as seance").toBe(request.params.seance);
    },
  );

  test("request carries no secret", { annotation: { type: "rule", description: "SET-2" } }, async ({ storefront, mockApi }) => {
    const call = await storefront.profileSet({ email: "john.doe@examplemail.com" });
    const request = await mockApi.recorder.waitFor("POST", "/profile/set");
    await call.settled();

    for (const name of secretFieldNames) {
      expect(Object.keys(request.params), `SET-2: the body should have no ${name} field`).not.toContain(name);
      expect(Object.keys(request.query), `SET-2: the URL should have no ${name} parameter`).not.toContain(name);
      expect(request.rawBody, `SET-2: the raw body should not mention ${name}`).not.toContain(name);
    }
  });

  test("body is JSON", { annotation: { type: "rule", description: "SET-9" } }, async ({ storefront, mockApi }) => {
    const call = await storefront.profileSet({ email: "john.doe@examplemail.com", kids: [{ gender: "f", birthday: "2015-07-28" }] });
    const request = await mockApi.recorder.waitFor("POST", "/profile/set");
    await call.settled();

    expect(request.encoding, `SET-9: the body should be JSON, but the SDK sent ${request.encoding} (content type ${request.contentType ?? "missing"})`).toBe("json");
    expect(request.contentType, "SET-9: the Content-Type header should be application/json").toMatch(/^application\/json\b/i);
    // Whether kids arrives complete is SET-5's check. This one is about the encoding only.
    const kids: unknown = JSON.parse(request.rawBody).kids;
    expect(typeof kids, "SET-9: kids should be a JSON list, not a JSON-encoded string").not.toBe("string");
  });
});
