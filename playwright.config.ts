import { defineConfig, devices, type Project } from "@playwright/test";
import { closedNetworkChromiumArgs, findChromium, findPlaywrightBrowser } from "./fixtures/browser";
import { conformanceMetadata, withConformanceReporter } from "./fixtures/conformance/reporter-config";
import { loadConfig, projectRoot, type BrowserName, type SdkBuild } from "./fixtures/config";

const config = loadConfig();
const storefrontOrigin = `http://127.0.0.1:${config.storefrontPort}`;

const browserDevices: Record<BrowserName, (typeof devices)[string]> = {
  chromium: devices["Desktop Chrome"],
  firefox: devices["Desktop Firefox"],
  webkit: devices["Desktop Safari"],
};

function browserProject(build: SdkBuild, browser: BrowserName): Project {
  const choice = browser === "chromium" ? findChromium(config.chromiumPath) : findPlaywrightBrowser(browser);
  const launchOptions =
    browser === "chromium" ? { executablePath: choice.executablePath, args: closedNetworkChromiumArgs } : {};
  return {
    name: `${build.name}-${browser}`,
    testIgnore: [/contract-schemas\.spec\.ts/, /conformance-report\.spec\.ts/, /mock-api\.spec\.ts/, /suite-[^/]*\.spec\.ts$/],
    use: { ...browserDevices[browser], sdkBuild: build, launchOptions },
  };
}

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./fixtures/global-setup.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // Retries would hide a flaky SDK or a flaky test, and a conformance verdict must hold on the first run.
  retries: 0,
  // Two workers fit the 2-core machines this suite is run on; set --workers to change it.
  workers: 2,
  timeout: 20_000,
  expect: { timeout: 5_000 },
  // The conformance reporter stays even when --reporter replaces these; see fixtures/conformance/reporter-config.ts.
  reporter: withConformanceReporter([["list"], ["html", { open: "never" }]]),
  // Records the command line's test filters, so that merge-reports can tell a filtered run.
  metadata: conformanceMetadata(),
  use: {
    baseURL: storefrontOrigin,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "contract", testMatch: /contract-schemas\.spec\.ts|conformance-report\.spec\.ts|mock-api\.spec\.ts/ },
    // The suite's tests of itself. They open no page but run the suite in child processes, each
    // with its own workers, so one at a time is what two cores can take.
    // The timeout leaves room for a busy machine; on an idle 2-core one each nested run takes about a minute.
    { name: "suite", testMatch: /suite-[^/]*\.spec\.ts$/, workers: 1, timeout: 300_000 },
    ...config.sdkBuilds.flatMap((build) => config.browsers.map((browser) => browserProject(build, browser))),
  ],
  webServer: {
    // --dev makes sirv read files on each request, so the SDK bundle that global set-up writes
    // after the server starts is served.
    command: `npx sirv pages --dev --host 127.0.0.1 --port ${config.storefrontPort}`,
    // Absolute, so that a config that imports this one from another folder serves the same pages.
    cwd: projectRoot,
    url: `${storefrontOrigin}/index.html`,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    timeout: 30_000,
  },
});
