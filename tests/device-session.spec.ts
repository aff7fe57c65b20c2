import { initQuerySchema, initResponseSchema } from "../fixtures/contract/schemas";
import type { RecordedRequest } from "../fixtures/mock-api/recorder";
import { expect, test } from "../fixtures/test";

/** Cookie in which the SDK keeps the device id. */
const deviceCookie = "personaclick_device_id";

/** Returns the device id that an init request's response issued. */
function issuedDeviceId(init: RecordedRequest): string {
  const did = (init.responseBody as { did?: unknown } | undefined)?.did;
  if (typeof did !== "string") throw new Error(`the init response has no did: ${JSON.stringify(init.responseBody)}`);
  return did;
}

/** Returns the session id that an init request's response issued. */
function issuedSessionId(init: RecordedRequest): string {
  const seance = (init.responseBody as { seance?: unknown } | undefined)?.seance;
  if (typeof seance !== "string") throw new Error(`the init response has no seance: ${JSON.stringify(init.responseBody)}`);
  return seance;
}

/** Returns the `seance` and `sid` a profile request carried, from its body or its query. */
function sessionIds(request: RecordedRequest): { seance: unknown; sid: unknown } {
  return { seance: request.params.seance, sid: request.params.sid };
}

test.describe("device binding", { tag: "@device" }, () => {
  test("first visit gets a device id", { annotation: [{ type: "rule", description: "DEV-1" }] }, async ({ storefront, mockApi, suiteConfig }) => {
    await storefront.open();
    const init = await mockApi.recorder.waitForResponse("GET", "/init");

    await expect(init).toMatchSchema(initQuerySchema, { rule: "DEV-1" });
    expect(init.query.shop_id, "init should send the shop id passed to init").toBe(suiteConfig.shopId);
    expect(init.query, "init on a first visit should send no did, so that the API issues one").not.toHaveProperty("did");
    await expect(init.responseBody).toMatchSchema(initResponseSchema, { rule: "DEV-1", subject: "init response" });
    const did = issuedDeviceId(init);

    await (await storefront.profileSet({ email: "john.doe@examplemail.com" })).settled();
    await (await storefront.profileGet()).settled();

    const set = await mockApi.recorder.waitFor("POST", "/profile/set");
    const get = await mockApi.recorder.waitFor("GET", "/profile");
    expect(set.params.did, "profile set should carry the did that init returned").toBe(did);
    expect(get.query.did, "profile get should carry the did that init returned").toBe(did);
  });

  test("device id survives reload and navigation", { annotation: [{ type: "rule", description: "DEV-2" }] }, async ({ storefront, mockApi, suiteConfig }) => {
    await storefront.open();
    const did = issuedDeviceId(await mockApi.recorder.waitForResponse("GET", "/init"));
    await expect.poll(() => storefront.cookie(deviceCookie), { message: `cookie ${deviceCookie} should hold the issued did` }).toBe(did);

    await storefront.reload();
    const afterReload = await mockApi.recorder.waitForResponse("GET", "/init", { nth: 2 });
    expect(afterReload.query.did, "init after a reload should send the stored did").toBe(did);
    expect(await storefront.cookie(deviceCookie), `cookie ${deviceCookie} after a reload`).toBe(did);

    await storefront.open("/catalog.html");
    const afterNavigation = await mockApi.recorder.waitForResponse("GET", "/init", { nth: 3 });
    expect(afterNavigation.query.did, "init on another page should send the stored did").toBe(did);
    const params = { email: "john.doe@examplemail.com", gender: "m" };
    const events = await (await storefront.profileSet(params)).settled();

    const set = await mockApi.recorder.waitFor("POST", "/profile/set");
    expect(set.params.did, "profile set on another page should bind to the same did").toBe(did);
    expect(events.map((event) => event.kind)).toEqual(["success"]);
    expect(await storefront.cookie(deviceCookie), `cookie ${deviceCookie} after navigation`).toBe(did);
    if (suiteConfig.mode === "mock") {
      expect(mockApi.store.get(did), "the mock should hold the profile under the first did").toMatchObject(params);
    }
  });

  test("new browser is another device", { annotation: [{ type: "rule", description: "DEV-3" }] }, async ({ storefront, mockApi, openDevice }) => {
    await storefront.open();
    const firstDid = issuedDeviceId(await mockApi.recorder.waitForResponse("GET", "/init"));
    await (await storefront.profileSet({ email: "john.doe@examplemail.com", gender: "m" })).settled();

    const other = await openDevice();
    await other.open();
    const otherInit = await mockApi.recorder.waitForResponse("GET", "/init", { nth: 2 });
    expect(otherInit.query, "init in a new browser should send no did").not.toHaveProperty("did");
    const otherDid = issuedDeviceId(otherInit);
    expect(otherDid, "a new browser should get its own did").not.toBe(firstDid);
    await (await other.profileSet({ gender: "f" })).settled();

    const [firstEvent] = await (await storefront.profileGet()).settled();
    const [otherEvent] = await (await other.profileGet()).settled();

    const gets = mockApi.recorder.find("GET", "/profile");
    expect(gets.map((request) => request.query.did), "each device's profile get should carry its own did").toEqual([firstDid, otherDid]);
    expect(firstEvent?.argument, "the first device should read its own profile").toMatchObject({ gender: "m", has_email: true });
    expect(otherEvent?.argument, "the second device should not see the first device's data").toMatchObject({ gender: "f", has_email: false });
  });
});

test.describe("session", { tag: "@device" }, () => {
  test("session id kept, renewed after idle", { annotation: [{ type: "rule", description: "DEV-4" }] }, async ({ storefront, mockApi }) => {
    await storefront.page.clock.install();
    await storefront.open();
    const session = issuedSessionId(await mockApi.recorder.waitForResponse("GET", "/init"));

    await (await storefront.profileSet({ gender: "m" })).settled();
    await (await storefront.profileGet()).settled();
    await storefront.open("/catalog.html");
    const initOnCatalog = await mockApi.recorder.waitForResponse("GET", "/init", { nth: 2 });
    await (await storefront.profileSet({ gender: "m" })).settled();
    await storefront.page.clock.fastForward("01:59:00");
    await (await storefront.profileSet({ gender: "m" })).settled();

    expect(initOnCatalog.query.sid, "init on the next page should send the current session id").toBe(session);
    const profileRequests = mockApi.recorder.requests.filter((request) => request.path.startsWith("/profile"));
    expect(profileRequests).toHaveLength(4);
    for (const request of profileRequests) {
      expect(sessionIds(request), `${request.method} ${request.path} #${request.sequence} should carry the session id as seance and sid`).toEqual({
        seance: session,
        sid: session,
      });
    }

    await storefront.page.clock.fastForward("02:00:01");
    await (await storefront.profileSet({ gender: "m" })).settled();

    const afterIdle = await mockApi.recorder.waitFor("POST", "/profile/set", { nth: 4 });
    const renewed = sessionIds(afterIdle);
    expect(renewed.seance, "after 2 hours without activity a request should start a new session").not.toBe(session);
    expect(renewed.sid, "sid should equal seance in the new session").toBe(renewed.seance);
    expect(renewed.seance, "the new session id should be a non-empty string").toEqual(expect.stringMatching(/.+/));

    await storefront.open("/index.html");
    const initAfterIdle = await mockApi.recorder.waitForResponse("GET", "/init", { nth: 3 });
    expect(initAfterIdle.query.sid, "the next page should keep the new session").toBe(renewed.seance);
  });
});
