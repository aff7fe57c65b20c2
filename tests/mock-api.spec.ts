import { expect, test } from "@playwright/test";
import { exampleCustomProperties } from "../fixtures/contract/schemas";
import { startLoopbackApi, type LoopbackApi } from "../fixtures/mock-api/loopback-api";

// Checks the mock API's handlers over real HTTP on loopback, through the same server that the
// live-mode tests use, without a browser.

const shopId = "357382bf66ac0ce2f1722677c59511";

let api: LoopbackApi;

test.beforeAll(async () => {
  api = await startLoopbackApi({ shopId, customProperties: exampleCustomProperties });
});

test.afterAll(async () => {
  await api?.close();
});

async function initDevice(): Promise<{ did: string; seance: string }> {
  const response = await fetch(`${api.origin}/init?shop_id=${shopId}&v=3&tz=0`);
  expect(response.status, "init should answer 200").toBe(200);
  return (await response.json()) as { did: string; seance: string };
}

test("form body is accepted with types", async () => {
  const { did, seance } = await initDevice();
  const body = new URLSearchParams({
    shop_id: shopId,
    did,
    seance,
    sid: seance,
    id: "100500",
    age: "31",
    bought_something: "true",
    fb_id: "000000000354677",
    custom_integer_property: "5",
    custom_float_property: "2.5",
    custom_array_of_string_property: JSON.stringify(["red", "blue"]),
    custom_json_property: JSON.stringify({ size: "M" }),
  });

  const response = await fetch(`${api.origin}/profile/set`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
  const recorded = api.recorder.find("POST", "/profile/set").at(-1);

  expect(await response.json(), "a form body that is valid apart from its encoding should succeed").toEqual({ status: "success" });
  expect(recorded?.encoding, "the request keeps its form encoding, so SET-9 can report it").toBe("form");
  expect(recorded?.params, "numbers, booleans and JSON-encoded values are restored; digit strings of text fields stay strings").toMatchObject({
    id: 100500,
    age: 31,
    bought_something: true,
    fb_id: "000000000354677",
    custom_integer_property: 5,
    custom_float_property: 2.5,
    custom_array_of_string_property: ["red", "blue"],
    custom_json_property: { size: "M" },
  });
});

test("form text that is no number stays text", async () => {
  const { did, seance } = await initDevice();
  const body = new URLSearchParams({ shop_id: shopId, did, seance, sid: seance, age: "thirty-one" });

  const response = await fetch(`${api.origin}/profile/set`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
  const payload = (await response.json()) as { payload?: { message?: string } };

  expect(response.status, "an age that is not a number breaks the contract").toBe(422);
  expect(payload.payload?.message, "the error names the field, its rule and the value").toContain('[SET-4] age: Invalid input: expected number, received string (received: "thirty-one")');
});
