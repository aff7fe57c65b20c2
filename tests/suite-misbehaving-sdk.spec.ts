import path from "node:path";
import { expect, test } from "@playwright/test";
import { loadConfig, projectRoot } from "../fixtures/config";
import { servedSdkFolder, referenceBundleName } from "../fixtures/sdk-builds";
import {
  findFreePort,
  nestedEnvironment,
  runNestedSuite,
  startScriptServer,
  type NestedRun,
  type NestedTestResult,
  type ScriptServer,
} from "../fixtures/suite-run";

// Runs fixtures/misbehaving/probe.spec.ts (one request test, one callback test) in one nested
// Playwright run. The builds are seven misbehaving ones, the reference bundle, and a copy of it
// loaded by URL from a loopback "CDN". The test then checks what the suite reported for each.

const misbehavingFolder = path.join(projectRoot, "fixtures", "misbehaving");
const setTest = "set request arrives";
const callbackTest = "success runs once";

/**
 * Every probe test must end on its own, as "failed", before its 20 s test timeout. The slowest
 * ones wait 5 s for a request or a callback; the rest is page start-up, which is slow when the
 * machine is busy.
 */
const maxFailureMs = 18_000;

let run: NestedRun;
let cdn: ScriptServer;
let storefrontOrigin: string;

test.beforeAll(async ({}, testInfo) => {
  cdn = await startScriptServer({
    "/v3.js": path.join(servedSdkFolder, referenceBundleName),
    "/throws-on-load.js": path.join(misbehavingFolder, "throws-on-load.js"),
    "/wrong-host.js": path.join(misbehavingFolder, "wrong-host.js"),
  });
  const port = await findFreePort();
  storefrontOrigin = `http://127.0.0.1:${port}`;
  const builds = [
    `missing=${storefrontOrigin}/sdk/missing.js`,
    "stub-kept=fixtures/misbehaving/stub-kept.js",
    `throws-on-load=${cdn.origin}/throws-on-load.js`,
    "silent=fixtures/misbehaving/silent.js",
    "double-callback=fixtures/misbehaving/double-callback.js",
    `wrong-host=${cdn.origin}/wrong-host.js`,
    "not-json=fixtures/misbehaving/not-json.js",
    "reference",
    `cdn-copy=${cdn.origin}/v3.js`,
  ];
  run = await runNestedSuite({
    args: ["--config", "fixtures/misbehaving/playwright.config.ts", "--workers=2"],
    env: nestedEnvironment({
      PC_SDK_URL: builds.join(","),
      PC_STOREFRONT_PORT: String(port),
      PC_CHROMIUM_PATH: loadConfig().chromiumPath ?? "",
    }),
    outputDir: testInfo.outputPath("nested"),
    timeoutMs: 240_000,
  });
  testInfo.annotations.push({ type: "nested run", description: `${run.tests.length} tests in ${(run.wallMs / 1000).toFixed(1)} s` });
});

test.afterAll(async () => {
  await cdn?.close();
});

function result(build: string, title: string): NestedTestResult | undefined {
  const found = run.tests.find((entry) => entry.project === `${build}-chromium` && entry.title === title);
  expect.soft(found, `the nested run should have a result for "${title}" on build ${build}`).toBeDefined();
  return found;
}

/** Checks that a probe test failed on its own (not by timeout) and that its messages contain every fragment. */
function expectFailure(build: string, title: string, fragments: string[]): void {
  const outcome = result(build, title);
  if (outcome === undefined) return;
  const messages = outcome.errors.join("\n---\n");
  expect.soft(outcome.status, `"${title}" on build ${build} should fail on its own. Errors:\n${messages}`).toBe("failed");
  for (const fragment of fragments) {
    expect.soft(messages, `"${title}" on build ${build} should report ${JSON.stringify(fragment)}`).toContain(fragment);
  }
  expect.soft(outcome.durationMs, `"${title}" on build ${build} should end well before its 20 s timeout`).toBeLessThan(maxFailureMs);
}

function expectPass(build: string, title: string): void {
  const outcome = result(build, title);
  if (outcome === undefined) return;
  expect.soft(outcome.status, `"${title}" on build ${build} should pass. Errors:\n${outcome.errors.join("\n---\n")}`).toBe("passed");
}

// One test with a step per build, because a failed test restarts the worker, and every
// further test would then repeat the nested run in beforeAll.
test("misbehaving builds fail with clear messages", async () => {
  await test.step("nested run covers every build", async () => {
    expect.soft(run.errors, "the nested run reported errors of its own").toEqual([]);
    expect.soft(new Set(run.tests.map((entry) => entry.project)).size, "one project per build").toBe(9);
    expect.soft(run.tests, "two probe tests per build").toHaveLength(18);
  });

  await test.step("missing script fails at open", async () => {
    const message = `SDK build "missing" (script at ${storefrontOrigin}/sdk/missing.js): script answered 404`;
    expectFailure("missing", setTest, [message]);
    expectFailure("missing", callbackTest, [message]);
  });

  await test.step("kept stub is diagnosed", async () => {
    const subject = `SDK build "stub-kept" (script at ${storefrontOrigin}/sdk/local-stub-kept.js)`;
    const stub = `${subject}: script loaded but never replaced the loader stub: personaclick.q grew from 1 to 2 queued calls`;
    expectFailure("stub-kept", setTest, ["no POST /profile/set within 5 s; saw: none", stub]);
    expectFailure("stub-kept", callbackTest, ["success ran 0 times, error ran 0 times", "called no callback of profile set call 1 within 5 s", stub]);
  });

  await test.step("throw while loading is diagnosed", async () => {
    const subject = `SDK build "throws-on-load" (script at ${cdn.origin}/throws-on-load.js)`;
    // The script comes from another origin, so the page gets only "Script error.", and the message must carry the real one.
    const thrown = `${subject}: script threw while loading: TypeError: Cannot read properties of undefined (reading 'api_host')`;
    expectFailure("throws-on-load", setTest, ["no POST /profile/set within 5 s; saw: none", thrown, "never replaced the loader stub"]);
    expectFailure("throws-on-load", callbackTest, ["success ran 0 times, error ran 0 times", thrown]);
  });

  await test.step("missing callback is diagnosed", async () => {
    expectPass("silent", setTest);
    expectFailure("silent", callbackTest, [
      "success ran 0 times, error ran 0 times",
      "the SDK called no callback of profile set call 1 within 5 s",
      "API requests so far: GET /init → 200, POST /profile/set → 200",
      `SDK build "silent" (script at ${storefrontOrigin}/sdk/local-silent.js): script loaded and replaced the loader stub`,
    ]);
  });

  await test.step("second callback is counted", async () => {
    expectPass("double-callback", setTest);
    expectFailure("double-callback", callbackTest, ["[CB-1], but success ran 2 times, error ran 0 times"]);
  });

  await test.step("wrong host is blocked", async () => {
    const blocked =
      `SDK build "wrong-host" (script at ${cdn.origin}/wrong-host.js): the page sent POST http://127.0.0.2:9/profile/set ` +
      `to a host outside the test, and the network guard blocked it. Allowed origins: ${storefrontOrigin} (storefront), ` +
      `${cdn.origin} (SDK script host), https://api.personaclick.com (API).`;
    expectFailure("wrong-host", setTest, [blocked]);
    expectFailure("wrong-host", callbackTest, [blocked]);
  });

  await test.step("non-JSON body is reported", async () => {
    expectFailure("not-json", setTest, ['Encoding seen: text (the body is not valid JSON ("[object Object]" is not valid JSON))']);
    expectFailure("not-json", callbackTest, ["success ran 0 times, error ran 1 time", "the body is not valid JSON"]);
  });

  await test.step("reference and URL copy pass", async () => {
    for (const build of ["reference", "cdn-copy"]) {
      expectPass(build, setTest);
      expectPass(build, callbackTest);
    }
    const loads = cdn.requested.filter((requested) => requested === "/v3.js").length;
    expect.soft(loads, "each cdn-copy test loads the script from the loopback CDN").toBeGreaterThanOrEqual(2);
  });
});
