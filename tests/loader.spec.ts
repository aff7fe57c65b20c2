import { describeResponse } from "../fixtures/mock-api/recorder";
import { expect, test } from "../fixtures/test";

const firstParams = { email: "john.doe@examplemail.com", first_name: "John" };
const secondParams = { phone: "4400114527199", gender: "m" };

/** How long the mock holds back the init response in the init delay test, in milliseconds. */
const initDelayMs = 1500;
/** Timer slack allowed when comparing arrival times against `initDelayMs`. */
const timerSlackMs = 50;

/**
 * Calls of the contract's commands with missing, wrong-typed or unknown arguments. Callbacks
 * cannot cross into the page as JSON, so these calls pass strings and numbers where functions go.
 */
const invalidCalls: unknown[][] = [
  ["profile", "set"],
  ["profile", "set", null],
  ["profile", "set", "john.doe@examplemail.com"],
  ["profile", "set", 42],
  ["profile", "set", ["email", "john.doe@examplemail.com"]],
  ["profile", "set", { email: "john.doe@examplemail.com" }, "not a function", 42],
  ["profile", "set", { age: "thirty-one", kids: "none" }],
  ["profile", "set", { email: "john.doe@examplemail.com" }],
  ["profile", "get"],
  ["profile", "get", null],
  ["profile", "get", "not a function"],
  ["profile", "remove", { email: "john.doe@examplemail.com" }],
  ["profile"],
  ["no_such_command", "profile", "set"],
  [],
];

/** Describes a call for a failure message, as the page's code would write it. */
function describeCall(args: unknown[]): string {
  return `personaclick(${args.map((arg) => JSON.stringify(arg)).join(", ")})`;
}

function describeErrors(errors: Error[]): string {
  return errors.map((error) => `${error.name}: ${error.message}`).join("; ");
}

test.describe("loader", { tag: "@load" }, () => {
  test("queued calls run in order", { annotation: [{ type: "rule", description: "LOAD-1" }] }, async ({ storefront, mockApi }) => {
    const release = mockApi.holdSdkScript();
    await storefront.open("/index.html", { waitUntil: "domcontentloaded" });

    const firstSet = await storefront.profileSet(firstParams);
    const secondSet = await storefront.profileSet(secondParams);
    const get = await storefront.profileGet();

    const queue = await storefront.loaderQueue();
    const profileCalls = (queue ?? []).filter((args) => args[0] !== "init");
    expect(profileCalls, "the loader stub should queue every call made before the SDK script ran").toEqual([
      ["profile", "set", firstParams, "[function]", "[function]"],
      ["profile", "set", secondParams, "[function]", "[function]"],
      ["profile", "get", "[function]"],
    ]);
    expect(mockApi.recorder.requests, "no API request may go out before the SDK script has run").toEqual([]);

    release();
    await mockApi.recorder.waitFor("GET", "/profile");

    const sets = mockApi.recorder.find("POST", "/profile/set");
    expect(sets, "each queued profile set should send one request").toHaveLength(2);
    expect(sets[0]?.params, "the first queued profile set should send its own params first").toMatchObject(firstParams);
    expect(sets[1]?.params, "the second queued profile set should send its own params second").toMatchObject(secondParams);
    const order = mockApi.recorder.requests.map((request) => `${request.method} ${request.path}`);
    expect(order, "queued calls should reach the API in the order the page made them").toEqual([
      "GET /init",
      "POST /profile/set",
      "POST /profile/set",
      "GET /profile",
    ]);

    for (const call of [firstSet, secondSet, get]) {
      const events = await call.settled();
      expect(events, `${call.description}, queued before the SDK loaded, should call back once`).toHaveLength(1);
    }
  });

  test("calls after load skip the queue", { annotation: [{ type: "rule", description: "LOAD-2" }] }, async ({ storefront, mockApi }) => {
    await storefront.open();
    await mockApi.recorder.waitFor("GET", "/init");

    const queueAfterLoad = await storefront.loaderQueue();
    expect(queueAfterLoad ?? [], "the SDK should empty personaclick.q once it has run the queued calls").toEqual([]);

    const call = await storefront.profileSet(firstParams);
    const request = await mockApi.recorder.waitFor("POST", "/profile/set");

    expect(request.params).toMatchObject(firstParams);
    expect(await storefront.loaderQueue() ?? [], "a call after load should run at once, not wait in personaclick.q").toEqual([]);
    const events = await call.settled();
    expect(events.map((event) => event.kind), `a profile set after load should call success once; the API sent ${describeResponse(request)}`).toEqual(["success"]);
  });

  test(
    "profile calls wait for init",
    { annotation: [{ type: "rule", description: "LOAD-3" }] },
    async ({ storefront, mockApi }) => {
      mockApi.fail("GET", "/init", { delayMs: initDelayMs });
      await storefront.open();

      const set = await storefront.profileSet(firstParams);
      const get = await storefront.profileGet();
      const setRequest = await mockApi.recorder.waitFor("POST", "/profile/set", { timeoutMs: initDelayMs + 5000 });
      const getRequest = await mockApi.recorder.waitFor("GET", "/profile", { timeoutMs: initDelayMs + 5000 });

      const init = await mockApi.recorder.waitFor("GET", "/init");
      const issuedDid = (init.responseBody as { did?: unknown } | undefined)?.did;
      expect(init.responseStatus, "init should have been answered before any profile request arrived").toBe(200);
      for (const request of [setRequest, getRequest]) {
        const waited = request.receivedAfterMs - init.receivedAfterMs;
        expect(
          waited,
          `${request.method} ${request.path} arrived ${waited} ms after the init request, before the init response (held ${initDelayMs} ms)`,
        ).toBeGreaterThanOrEqual(initDelayMs - timerSlackMs);
      }
      expect(setRequest.params.did, "profile set sent before init answered should carry the did init returned").toBe(issuedDid);
      expect(getRequest.query.did, "profile get sent before init answered should carry the did init returned").toBe(issuedDid);
      const withoutDid = mockApi.recorder.requests.filter((request) => request.path.startsWith("/profile") && !request.params.did);
      expect(withoutDid.map((request) => `${request.method} ${request.url}`), "no profile request may go out without did").toEqual([]);
      expect((await set.settled()).map((event) => event.kind)).toEqual(["success"]);
      expect((await get.settled()).map((event) => event.kind)).toEqual(["callback"]);
    },
  );

  test("invalid calls throw nothing", { annotation: [{ type: "rule", description: "LOAD-4" }] }, async ({ storefront, mockApi }) => {
    await storefront.open();

    for (const args of invalidCalls) {
      const thrown = await storefront.callSdk(...args);
      expect(thrown, `${describeCall(args)} threw into the page`).toBeUndefined();
    }
    await (await storefront.profileGet()).settled();
    await expect
      .poll(() => mockApi.recorder.requests.filter((request) => request.responseStatus === undefined).length, {
        message: "every request the invalid calls sent should get its response",
      })
      .toBe(0);
    for (const args of [["init"], ["init", 42], ["init", ""]]) {
      const thrown = await storefront.callSdk(...args);
      expect(thrown, `${describeCall(args)} threw into the page`).toBeUndefined();
    }
    await storefront.runPendingTasks();

    expect(describeErrors(storefront.pageErrors), "the SDK threw uncaught errors into the page").toBe("");
  });

  test("invalid queued calls throw nothing", { annotation: [{ type: "rule", description: "LOAD-4" }] }, async ({ storefront, mockApi }) => {
    const release = mockApi.holdSdkScript();
    await storefront.open("/index.html", { waitUntil: "domcontentloaded" });

    for (const args of invalidCalls) await storefront.callSdk(...args);
    const get = await storefront.profileGet();
    release();
    await get.settled();

    expect(describeErrors(storefront.pageErrors), "running the queue threw uncaught errors into the page").toBe("");
  });

  test("valid calls throw nothing", { annotation: [{ type: "rule", description: "LOAD-4" }] }, async ({ storefront }) => {
    await storefront.open();

    const calls = [
      await storefront.profileSet(firstParams),
      await storefront.profileSet(secondParams, { callbacks: "none" }),
      await storefront.profileGet(),
    ];
    await calls[0]?.settled();
    await calls[2]?.settled();

    expect(describeErrors(storefront.pageErrors), "the SDK threw uncaught errors into the page").toBe("");
  });
});
