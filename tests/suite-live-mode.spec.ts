import { expect, test } from "@playwright/test";
import { loadConfig } from "../fixtures/config";
import { startLoopbackApi, type LoopbackApi } from "../fixtures/mock-api/loopback-api";
import type { RecordedRequest } from "../fixtures/mock-api/recorder";
import { findFreePort, nestedEnvironment, readAttachment, runNestedSuite, type NestedRun } from "../fixtures/suite-run";

// Runs the rule specs on the reference SDK in live mode, against a real HTTP server on loopback
// that serves the mock API's handlers, and checks that traffic went through it and was recorded.

let run: NestedRun;
let api: LoopbackApi;

test.beforeAll(async ({}, testInfo) => {
  const config = loadConfig();
  api = await startLoopbackApi({ shopId: config.shopId, customProperties: config.customProperties });
  const port = await findFreePort();
  run = await runNestedSuite({
    args: ["--project", "reference-chromium", "--workers=2"],
    env: nestedEnvironment({
      PC_SDK_URL: "reference",
      PC_MODE: "live",
      PC_API_ORIGIN: api.origin,
      PC_STOREFRONT_PORT: String(port),
      PC_CHROMIUM_PATH: config.chromiumPath ?? "",
    }),
    outputDir: testInfo.outputPath("nested"),
    timeoutMs: 240_000,
  });
  testInfo.annotations.push({ type: "nested run", description: `${run.tests.length} tests in ${(run.wallMs / 1000).toFixed(1)} s` });
});

test.afterAll(async () => {
  await api?.close();
});

// One test with steps, because a failed test restarts the worker, and every further test would
// then repeat the nested run in beforeAll.
test("rule specs pass in live mode", async () => {
  await test.step("no test fails", async () => {
    expect.soft(run.errors, "the nested run reported errors of its own").toEqual([]);
    const failed = run.tests.filter((entry) => entry.status !== "passed" && entry.status !== "skipped");
    const details = failed.map((entry) => `${entry.title} (${entry.status}):\n${entry.errors.join("\n")}`).join("\n\n");
    expect.soft(failed.length, `tests that failed in live mode:\n${details}`).toBe(0);
    expect.soft(run.tests.filter((entry) => entry.status === "passed").length, "some rule tests ran and passed").toBeGreaterThan(0);
  });

  await test.step("skipped tests say why", async () => {
    for (const entry of run.tests.filter((candidate) => candidate.status === "skipped")) {
      const reason = entry.annotations.find((annotation) => annotation.type === "not-applicable");
      expect.soft(reason?.description ?? "", `skipped test "${entry.title}" should carry a not-applicable annotation with its reason`).not.toBe("");
    }
  });

  await test.step("fault tests are not applicable", async () => {
    const faultTests = run.tests.filter((entry) =>
      entry.annotations.some((annotation) => annotation.type === "not-applicable" && /injected API fault/.test(annotation.description ?? "")),
    );
    expect.soft(faultTests.length, "tests that inject an API fault are reported as not applicable").toBeGreaterThan(0);
    for (const entry of faultTests) expect.soft(entry.status, `"${entry.title}" needs a fault, so it should be skipped`).toBe("skipped");
  });

  await test.step("traffic reaches the loopback API", async () => {
    const paths = new Set(api.recorder.requests.map((request) => `${request.method} ${request.path}`));
    expect.soft([...paths], "the loopback API should see init, profile set and profile get").toEqual(
      expect.arrayContaining(["GET /init", "POST /profile/set", "GET /profile"]),
    );
  });

  await test.step("real responses are recorded", async () => {
    // Each test attaches the requests its page sent, with the responses it recorded. In live mode
    // those must be the server's own responses, which carry the device ids the server minted.
    const minted = new Set(
      api.recorder.requests
        .filter((request) => request.path === "/init" && request.responseStatus === 200)
        .map((request) => (request.responseBody as { did?: string }).did),
    );
    const passing = run.tests.find((entry) => entry.status === "passed" && entry.attachments["api-requests.json"] !== undefined);
    const text = passing && (await readAttachment(passing, "api-requests.json"));
    expect.soft(text, "a passing test attaches api-requests.json").toBeDefined();
    if (text === undefined) return;
    const recorded = JSON.parse(text) as RecordedRequest[];
    const init = recorded.find((request) => request.path === "/init");
    expect.soft(init?.responseStatus, "the recorded init response status").toBe(200);
    expect.soft(minted.has((init?.responseBody as { did?: string } | undefined)?.did), "the recorded init response is the loopback API's").toBe(true);
  });
});
