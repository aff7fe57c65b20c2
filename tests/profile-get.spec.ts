import { profileGetResponseSchema } from "../fixtures/contract/schemas";
import { expect, test } from "../fixtures/test";

test.describe("profile get", { tag: "@get" }, () => {
  test("callback gets a documented profile", { annotation: [{ type: "rule", description: "GET-1" }, { type: "rule", description: "GET-2" }] }, async ({ storefront, mockApi, suiteConfig }) => {
    await storefront.open();

    const call = await storefront.profileGet();
    const events = await call.settled();

    const request = await mockApi.recorder.waitFor("GET", "/profile");
    const init = await mockApi.recorder.waitFor("GET", "/init");
    expect(request.query.shop_id).toBe(suiteConfig.shopId);
    expect(request.query.did).toBe((init.responseBody as { did: string }).did);
    expect(events).toHaveLength(1);
    await expect(events[0]?.argument).toMatchSchema(profileGetResponseSchema, { rule: "GET-2", subject: "profile get callback argument" });
  });
});
