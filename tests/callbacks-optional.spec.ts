import type { Fault } from "../fixtures/mock-api/faults";
import { describeResponse, type ApiRecorder } from "../fixtures/mock-api/recorder";
import type { Storefront } from "../fixtures/storefront";
import { expect, test } from "../fixtures/test";

/** The mock's response to the first profile set request. Later requests get the normal HTTP 200. */
interface AnswerCase {
  label: string;
  fault: Fault | undefined;
}

const answers: AnswerCase[] = [
  { label: "HTTP 200", fault: undefined },
  { label: "HTTP 500", fault: { status: 500, times: 1 } },
  { label: "network failure", fault: { networkError: true, times: 1 } },
];

/** Checks that a profile set after a throwing callback sends its own request and runs success once. */
async function expectNextCallWorks(storefront: Storefront, recorder: ApiRecorder): Promise<void> {
  const next = await storefront.profileSet({ email: "second@examplemail.com" });
  const request = await recorder.waitFor("POST", "/profile/set", { nth: 2 });
  const events = await next.settled();

  expect(request.params.email, "CB-5: the call after a throwing callback should send its own request").toBe("second@examplemail.com");
  expect(request.responseStatus, `the second request should succeed, but the API sent ${describeResponse(request)}`).toBe(200);
  expect(events.map((event) => event.kind), "CB-5: the call after a throwing callback should run its success callback once").toEqual(["success"]);
}

test.describe("profile set optional callbacks", { tag: "@callback" }, () => {
  test.beforeEach(async ({ storefront }) => {
    await storefront.open();
  });

  for (const { label, fault } of answers) {
    test(`no callbacks on ${label} is safe`, { annotation: { type: "rule", description: "CB-4" } }, async ({ storefront, mockApi }) => {
      if (fault !== undefined) mockApi.fail("POST", "/profile/set", fault);

      await storefront.profileSet({ email: "john.doe@examplemail.com" }, { callbacks: "none" });
      await mockApi.recorder.waitFor("POST", "/profile/set");
      // A first call without callbacks gives nothing to wait on, so a second call's callback shows
      // that the SDK has handled the first response.
      // NOTE: an SDK that handles responses out of call order could finish the second call first.
      const next = await storefront.profileSet({ email: "john.doe@examplemail.com" });
      await next.settled();

      expect(mockApi.recorder.find("POST", "/profile/set").length, "CB-4: a call without callbacks and the call after it should each send one request").toBe(2);
      expect(storefront.pageErrors, `CB-4: a call without callbacks should throw nothing into the page on ${label}`).toEqual([]);
    });
  }

  test("throwing success keeps SDK working", { annotation: { type: "rule", description: "CB-5" } }, async ({ storefront, mockApi }) => {
    const throwing = await storefront.profileSet({ email: "first@examplemail.com" }, { callbacks: "throwing" });
    const firstEvents = await throwing.settled();
    const firstResponse = describeResponse(mockApi.recorder.find("POST", "/profile/set")[0]);
    expect(firstEvents.map((event) => event.kind), `the first call should reach its success callback, which throws; the API sent ${firstResponse}`).toEqual(["success"]);

    await expectNextCallWorks(storefront, mockApi.recorder);
  });

  test("throwing error keeps SDK working", { annotation: { type: "rule", description: "CB-5" } }, async ({ storefront, mockApi }) => {
    mockApi.fail("POST", "/profile/set", { status: 500, times: 1 });
    const throwing = await storefront.profileSet({ email: "first@examplemail.com" }, { callbacks: "throwing" });
    expect((await throwing.settled()).map((event) => event.kind), "the first call should reach its error callback, which throws").toEqual(["error"]);

    await expectNextCallWorks(storefront, mockApi.recorder);
  });
});
