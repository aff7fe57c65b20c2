import { exampleProfileSetParams, profileGetQuerySchema, profileGetResponseSchema } from "../fixtures/contract/schemas";
import type { ApiRecorder } from "../fixtures/mock-api/recorder";
import { expect, test } from "../fixtures/test";

/**
 * Explains a failed profile set that a get test depends on, with the API's status and body. The
 * mock's 422 body names the broken field and its rule, so the conformance report blames that
 * rule and not the get rule.
 */
function setFailure(recorder: ApiRecorder): string {
  const request = recorder.find("POST", "/profile/set").at(-1);
  const response = request === undefined ? "no POST /profile/set arrived [SET-1]" : `HTTP ${request.responseStatus}: ${JSON.stringify(request.responseBody)}`;
  return `the profile set before the get should run success; the API responded ${response}`;
}

/** A profile get response with every documented field, as the API could send it. */
const documentedProfile = {
  gender: "f",
  children: [
    { gender: "m", birthday: "2012-09-03", age: 12 },
    { gender: "f", birthday: "2019-01-15", age: 6 },
  ],
  cosmetic_hair: { type: "wavy", condition: "colored" },
  cosmetic_skin: {
    body: { type: "dry", condition: "sensitive" },
    hand: { type: "normal", condition: "dry" },
    leg: { type: "combination", condition: "normal" },
  },
  cosmetic_perfume: { aroma: "woody", families: ["oriental", "chypre"] },
  allergy: true,
  fashion_sizes: { shoe: [38, "38.5"], dress: ["M"] },
  compatibility: { brand: "Toyota", model: "Corolla" },
  vds: "BR3FE0",
  pets: { type: "cat", breed: "siamese", size: "small", age: "young" },
  jewelry: {
    metal: ["silver", "platinum"],
    color: ["white"],
    gem: ["emerald"],
    gender: ["f"],
    ring_size: [16.5, 17],
    bracelet_size: [17],
    chain_size: [45],
  },
  realty: { type: "house", space: 120.5 },
  income_level: "premium",
  has_email: false,
  custom_properties: { custom_string_property: "visible value", custom_float_property: 2.5 },
};

/** Fields of a profile set that identify the person, and so must never come back from profile get. */
const personalFields = ["email", "phone", "first_name", "last_name", "id"] as const;

/**
 * The vendor's example with a store user id that no other field repeats (the example's id,
 * 100500, is also its custom integer value), so a returned id can be told apart.
 */
const identifiedProfile = { ...exampleProfileSetParams, id: "store-user-77810" };

/** Returns every string and number inside `value`, however deeply nested. */
function leafValues(value: unknown): Array<string | number> {
  if (typeof value === "string" || typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(leafValues);
  return [];
}

/** Returns the whole years between a `YYYY-MM-DD` birthday and today, in UTC. */
function ageToday(birthday: string): number {
  const [year, month, day] = birthday.split("-").map(Number) as [number, number, number];
  const today = new Date();
  const hadBirthday = today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

test.describe("profile get", { tag: "@get" }, () => {
  test("get sends shop and device ids", { annotation: [{ type: "rule", description: "GET-1" }] }, async ({ storefront, mockApi, suiteConfig }) => {
    await storefront.open();

    await (await storefront.profileGet()).settled();

    const request = await mockApi.recorder.waitFor("GET", "/profile");
    const init = await mockApi.recorder.waitForResponse("GET", "/init");
    await expect(request).toMatchSchema(profileGetQuerySchema, { rule: "GET-1" });
    expect(mockApi.recorder.find("GET", "/profile"), "one profile get should send one GET /profile").toHaveLength(1);
    expect(request.query.shop_id, "profile get should send the shop id passed to init").toBe(suiteConfig.shopId);
    expect(request.query.did, "profile get should send the did that init returned").toBe((init.responseBody as { did: string }).did);
  });

  test("callback gets the response", { annotation: [{ type: "rule", description: "GET-2" }] }, async ({ storefront, mockApi }) => {
    await storefront.open();

    const events = await (await storefront.profileGet()).settled();

    const request = await mockApi.recorder.waitForResponse("GET", "/profile");
    expect(events.map((event) => event.kind), "the profile get callback should run once").toEqual(["callback"]);
    expect(events[0]?.argument, "the callback should receive the API's response object").toEqual(request.responseBody);
    await expect(events[0]?.argument).toMatchSchema(profileGetResponseSchema, { rule: "GET-2", subject: "profile get callback argument" });
  });

  test("full documented response passes through", { annotation: [{ type: "rule", description: "GET-2" }] }, async ({ storefront, mockApi }) => {
    expect(Object.keys(documentedProfile).sort(), "the test profile should carry every documented field").toEqual(
      Object.keys(profileGetResponseSchema.shape).sort(),
    );
    mockApi.fail("GET", "/profile", { status: 200, body: documentedProfile });
    await storefront.open();

    const events = await (await storefront.profileGet()).settled();

    expect(events.map((event) => event.kind), "the profile get callback should run once").toEqual(["callback"]);
    expect(events[0]?.argument, "the callback should receive the documented response unchanged").toEqual(documentedProfile);
    await expect(events[0]?.argument).toMatchSchema(profileGetResponseSchema, { rule: "GET-2", subject: "profile get callback argument" });
  });

  test("get returns no personal data", { annotation: [{ type: "rule", description: "GET-3" }] }, async ({ storefront, mockApi }) => {
    await storefront.open();
    const setEvents = await (await storefront.profileSet(identifiedProfile)).settled();
    expect(setEvents.map((event) => event.kind), setFailure(mockApi.recorder)).toEqual(["success"]);

    const [event] = await (await storefront.profileGet()).settled();

    const profile = event?.argument as Record<string, unknown>;
    for (const field of personalFields) {
      expect(profile, `profile get returned the personal field ${field}`).not.toHaveProperty(field);
    }
    const returnedValues = leafValues(profile);
    for (const field of personalFields) {
      const sent = identifiedProfile[field];
      expect(returnedValues, `profile get returned the ${field} value ${JSON.stringify(sent)} that profile set sent`).not.toContain(sent);
    }
  });

  test("get reflects the last set", { annotation: [{ type: "rule", description: "GET-4" }] }, async ({ storefront, mockApi }) => {
    await storefront.open();
    const { gender, email, kids, auto } = exampleProfileSetParams;
    const setEvents = await (await storefront.profileSet({ gender, email, kids, auto })).settled();
    expect(setEvents.map((event) => event.kind), setFailure(mockApi.recorder)).toEqual(["success"]);

    const [event] = await (await storefront.profileGet()).settled();

    const profile = event?.argument as Record<string, unknown>;
    const car = auto?.[0];
    expect(profile.gender, "gender should be the one profile set sent").toBe(gender);
    expect(profile.has_email, "has_email should be true after a profile set with an email").toBe(true);
    expect(profile.children, "children should list the kids in order, each with its age today").toEqual(
      (kids ?? []).map((kid) => ({ gender: kid.gender, birthday: kid.birthday, age: ageToday(kid.birthday) })),
    );
    expect(profile.compatibility, "compatibility should be the car's brand and model").toEqual({ brand: car?.brand, model: car?.model });
    expect(profile.vds, `vds should be characters 4 to 9 of the VIN ${car?.vds}`).toBe(car?.vds?.slice(3, 9));
  });
});
