import { defineConfig, devices, type Project } from "@playwright/test";
import { closedNetworkChromiumArgs, findChromium, findPlaywrightBrowser } from "./fixtures/browser";
import { loadConfig, type BrowserName, type SdkBuild } from "./fixtures/config";

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
    testIgnore: /contract-schemas\.spec\.ts/,
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
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: storefrontOrigin,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "contract", testMatch: /contract-schemas\.spec\.ts/ },
    ...config.sdkBuilds.flatMap((build) => config.browsers.map((browser) => browserProject(build, browser))),
  ],
  webServer: {
    // --dev makes sirv read files on each request, so the SDK bundle that global set-up writes
    // after the server starts is served.
    command: `npx sirv pages --dev --host 127.0.0.1 --port ${config.storefrontPort}`,
    url: `${storefrontOrigin}/index.html`,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    timeout: 30_000,
  },
});
