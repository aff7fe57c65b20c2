import { errorStatuses } from "../fixtures/set-cases";
import { describeResponse } from "../fixtures/mock-api/recorder";
import { expect, test } from "../fixtures/test";

const params = { email: "john.doe@examplemail.com" };

test.describe("profile set callbacks", { tag: "@callback" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  test("HTTP 200 runs success once", { annotation: { type: "rule", description: "CB-1" } }, async ({ storefront, mockApi }) => {
    const call = await storefront.profileSet(params);
    const request = await mockApi.recorder.waitForResponse("POST", "/profile/set");

    expect(request.responseStatus, `the mock should have answered HTTP 200, but sent ${describeResponse(request)}`).toBe(200);
    await expect(call).toCallBackOnce("success", { rule: "CB-1" });
    expect(call.events()[0]?.argument, "CB-1: success should receive the response body parsed into an object").toStrictEqual(request.responseBody);
  });

  for (const status of errorStatuses) {
    test(`HTTP ${status} runs error once`, { annotation: { type: "rule", description: "CB-2" } }, async ({ storefront, mockApi }) => {
      mockApi.fail("POST", "/profile/set", { status });

      const call = await storefront.profileSet(params);
      const request = await mockApi.recorder.waitForResponse("POST", "/profile/set");

      expect(request.responseStatus, `the mock should have answered HTTP ${status}`).toBe(status);
      await expect(call).toCallBackOnce("error", { rule: "CB-2" });
      expect(call.events()[0]?.argument, "CB-2: the error callback should receive an argument that describes the failure").toBeDefined();
    });
  }

  test("network failure runs error once", { annotation: { type: "rule", description: "CB-3" } }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { networkError: true });

    const call = await storefront.profileSet(params);

    await expect(call).toCallBackOnce("error", { rule: "CB-3" });
    expect(storefront.pageErrors, "CB-3: a network failure should throw nothing into the page").toEqual([]);
  });

  test("unparseable body runs error once", { annotation: { type: "rule", description: "CB-3" } }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { status: 200, body: "not json{" });

    const call = await storefront.profileSet(params);

    await expect(call).toCallBackOnce("error", { rule: "CB-3" });
    expect(storefront.pageErrors, "CB-3: an unparseable body should throw nothing into the page").toEqual([]);
  });

  test("slow answer runs success once", { annotation: { type: "rule", description: "CB-1" } }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { delayMs: 2000 });

    const call = await storefront.profileSet(params);
    const request = await mockApi.recorder.waitFor("POST", "/profile/set");
    await storefront.runPendingTasks();

    // The events are read before the status, so while no response is recorded they all ran before
    // the mock sent it. A machine too busy to get here within the delay leaves nothing to judge.
    const early = call.events().map((event) => event.kind);
    if (request.responseStatus === undefined) {
      expect(early, `CB-1: no callback should run before the API has answered, but ${early.join(" and ")} ran while the mock held the response back`).toEqual([]);
    } else {
      test.info().annotations.push({ type: "note", description: "the response was sent before the check, so early callbacks were not checked" });
    }

    const answered = await mockApi.recorder.waitForResponse("POST", "/profile/set");
    expect(answered.responseStatus, `the mock should have answered HTTP 200 after the delay, but sent ${describeResponse(answered)}`).toBe(200);
    await expect(call).toCallBackOnce("success", { rule: "CB-1" });
  });
});
