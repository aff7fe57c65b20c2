import { errorStatuses } from "../fixtures/set-cases";
import { expect, test } from "../fixtures/test";

const params = { email: "john.doe@examplemail.com" };

test.describe("profile set callbacks", { tag: "@callback" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  test("HTTP 200 runs success once", { annotation: { type: "rule", description: "CB-1" } }, async ({ storefront, mockApi }) => {
    const call = await storefront.profileSet(params);
    const request = await mockApi.recorder.waitForResponse("POST", "/profile/set");
    const events = await call.settled();

    expect(request.responseStatus, "the mock should have answered HTTP 200").toBe(200);
    expect(events.map((event) => event.kind), "CB-1: on HTTP 200 the SDK should run success exactly once and error never").toEqual(["success"]);
    expect(events[0]?.argument, "CB-1: success should receive the response body parsed into an object").toStrictEqual(request.responseBody);
  });

  for (const status of errorStatuses) {
    test(`HTTP ${status} runs error once`, { annotation: { type: "rule", description: "CB-2" } }, async ({ storefront, mockApi }) => {
      mockApi.fail("POST", "/profile/set", { status });

      const call = await storefront.profileSet(params);
      const request = await mockApi.recorder.waitForResponse("POST", "/profile/set");
      const events = await call.settled();

      expect(request.responseStatus, `the mock should have answered HTTP ${status}`).toBe(status);
      expect(events.map((event) => event.kind), `CB-2: on HTTP ${status} the SDK should run error exactly once and success never`).toEqual(["error"]);
      expect(events[0]?.argument, "CB-2: the error callback should receive an argument that describes the failure").toBeDefined();
    });
  }

  test("network failure runs error once", { annotation: { type: "rule", description: "CB-3" } }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { networkError: true });

    const call = await storefront.profileSet(params);
    const events = await call.settled();

    expect(events.map((event) => event.kind), "CB-3: on a network failure the SDK should run error exactly once and success never").toEqual(["error"]);
    expect(storefront.pageErrors, "CB-3: a network failure should throw nothing into the page").toEqual([]);
  });

  test("unparseable body runs error once", { annotation: { type: "rule", description: "CB-3" } }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { status: 200, body: "not json{" });

    const call = await storefront.profileSet(params);
    const events = await call.settled();

    expect(events.map((event) => event.kind), "CB-3: on an HTTP 200 body that is not JSON the SDK should run error exactly once and success never").toEqual([
      "error",
    ]);
    expect(storefront.pageErrors, "CB-3: an unparseable body should throw nothing into the page").toEqual([]);
  });

  test("slow answer runs success once", { annotation: { type: "rule", description: "CB-1" } }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { delayMs: 2000 });

    const call = await storefront.profileSet(params);
    const events = await call.settled();

    expect(events.map((event) => event.kind), "CB-1: an answer that takes 2 s should still run success exactly once and error never").toEqual(["success"]);
  });
});
