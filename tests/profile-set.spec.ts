import { exampleProfileSetParams, profileSetErrorSchema, profileSetRequestSchema, profileSetSuccessSchema } from "../fixtures/contract/schemas";
import { expect, test } from "../fixtures/test";

const envelopeFields = ["shop_id", "did", "seance", "sid"];

test.describe("profile set", { tag: "@set" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  test(
    "vendor example arrives unchanged",
    { annotation: [{ type: "rule", description: "SET-1" }, { type: "rule", description: "SET-2" }, { type: "rule", description: "SET-3" }] },
    async ({ storefront, mockApi, suiteConfig }) => {
      const call = await storefront.profileSet(exampleProfileSetParams);
      const request = await mockApi.recorder.waitFor("POST", "/profile/set");
      await call.settled();

      await expect(request).toMatchSchema(profileSetRequestSchema(suiteConfig.customProperties), { rule: "SET-3" });
      expect(mockApi.recorder.find("POST", "/profile/set")).toHaveLength(1);

      const init = await mockApi.recorder.waitFor("GET", "/init");
      expect(request.params.shop_id).toBe(suiteConfig.shopId);
      expect(request.params.did).toBe((init.responseBody as { did: string }).did);
      const fields = Object.fromEntries(Object.entries(request.params).filter(([name]) => !envelopeFields.includes(name)));
      expect(fields).toEqual(exampleProfileSetParams);
    },
  );

  test("success gets the response body", { annotation: { type: "rule", description: "CB-1" }, tag: "@callback" }, async ({ storefront }) => {
    const call = await storefront.profileSet({ email: "john.doe@examplemail.com" });

    const events = await call.settled();

    expect(events).toEqual([{ call: call.id, kind: "success", argument: { status: "success" } }]);
    expect(profileSetSuccessSchema.parse(events[0]?.argument)).toEqual({ status: "success" });
  });

  test("HTTP 500 runs error only", { annotation: { type: "rule", description: "CB-2" }, tag: "@callback" }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { status: 500, body: { status: "error", payload: { message: "internal error" } } });

    const call = await storefront.profileSet({ email: "john.doe@examplemail.com" });
    const events = await call.settled();

    expect(events.map((event) => event.kind)).toEqual(["error"]);
    const request = mockApi.recorder.find("POST", "/profile/set")[0];
    expect(request?.responseStatus).toBe(500);
    expect(profileSetErrorSchema.safeParse(request?.responseBody).success).toBe(true);
  });
});
