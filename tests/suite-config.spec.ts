import { firefox } from "@playwright/test";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ConfigError, parseConfig, projectRoot } from "../fixtures/config";
import { findFreePort, nestedEnvironment, spawnPlaywright } from "../fixtures/suite-run";

// Checks that each configuration key is parsed as the README documents, and that a bad value
// stops the run with a message naming the key, the value and the fix.

const shopId = "357382bf66ac0ce2f1722677c59511";

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error, "parseConfig should throw ConfigError").toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

test("defaults need no settings", async () => {
  const config = parseConfig({});

  expect(config.sdkBuilds).toEqual([{ name: "reference", source: { kind: "reference" } }]);
  expect(config.apiOrigin).toBe("https://api.personaclick.com");
  expect(config.shopId).toBe(shopId);
  expect(config.mode).toBe("mock");
  expect(config.browsers).toEqual(["chromium"]);
  expect(config.storefrontPort).toBe(4310);
  expect(config.debug).toBe(false);
});

test("SDK list gives named builds", async () => {
  const builds = parseConfig({
    PC_SDK_URL: "reference, candidate=fixtures/misbehaving/silent.js, https://cdn.example.test/sdk/v3.js, mirror=http://127.0.0.1:8080/v3.js",
  }).sdkBuilds;

  expect(builds).toEqual([
    { name: "reference", source: { kind: "reference" } },
    { name: "candidate", source: { kind: "file", path: path.join(projectRoot, "fixtures", "misbehaving", "silent.js") } },
    { name: "v3", source: { kind: "url", url: "https://cdn.example.test/sdk/v3.js" } },
    { name: "mirror", source: { kind: "url", url: "http://127.0.0.1:8080/v3.js" } },
  ]);
});

test("bad values name key and fix", async () => {
  expect(configError({ PC_SDK_URL: "candidate=builds/none.js" })).toContain(`PC_SDK_URL="builds/none.js". The file ${path.join(projectRoot, "builds", "none.js")} does not exist.`);
  expect(configError({ PC_SDK_URL: "a=reference,a=fixtures/misbehaving/silent.js" })).toContain('Two builds are named "a"');
  expect(configError({ PC_SHOP_ID: "1234" })).toContain('PC_SHOP_ID="1234". Expected 30 hexadecimal characters.');
  expect(configError({ PC_MODE: "production" })).toContain('PC_MODE="production". Expected "mock" or "live".');
  expect(configError({ PC_API_ORIGIN: "https://api.personaclick.com/v3" })).toContain("Expected an http(s) origin with no path");
  expect(configError({ PC_BROWSERS: "chrome" })).toContain("Expected a comma-separated list of chromium, firefox, webkit.");
  expect(configError({ PC_STOREFRONT_PORT: "80" })).toContain("Expected a whole number from 1024 to 65535, in decimal digits.");
  expect(configError({ PC_CUSTOM_PROPERTIES: "size:number" })).toContain("with type one of string, integer, float, array_of_string, json, date");
  expect(configError({ PC_CHROMIUM_PATH: "/usr/bin/no-such-chromium" })).toContain("No file exists there. Give the path of a Chromium executable.");
  expect(configError({ PC_CHROMIUM_PATH: "/etc/passwd" })).toContain('PC_CHROMIUM_PATH="/etc/passwd". /etc/passwd is not executable. Give the path of a Chromium executable.');
  expect(configError({ PC_CHROMIUM_PATH: "fixtures" })).toContain(
    `PC_CHROMIUM_PATH="fixtures". ${path.join(projectRoot, "fixtures")} is a folder, not a file. Give the path of a Chromium executable.`,
  );
  expect(configError({ PC_SDK_URL: "ftp://host/x.js" })).toContain('PC_SDK_URL="ftp://host/x.js". Only http(s) URLs and local file paths are allowed, not ftp URLs.');
  expect(configError({ PC_SDK_URL: "candidate=./fixtures" })).toContain(
    `PC_SDK_URL="./fixtures". ${path.join(projectRoot, "fixtures")} is a folder, not a file. Give the path of an SDK script file.`,
  );
  expect(configError({ PC_STOREFRONT_PORT: "0x1000" })).toContain('PC_STOREFRONT_PORT="0x1000". Expected a whole number from 1024 to 65535, in decimal digits.');
  expect(configError({ PC_STOREFRONT_PORT: "4.31e3" })).toContain("Expected a whole number from 1024 to 65535, in decimal digits.");
  expect(configError({ PC_STOREFRONT_PORT: " 4310" })).toContain("Expected a whole number from 1024 to 65535, in decimal digits.");
});

test("executable Chromium path is accepted", async () => {
  // Node's own binary serves as the executable, because the check is only that the path is an executable file.
  expect(parseConfig({ PC_CHROMIUM_PATH: process.execPath }).chromiumPath).toBe(process.execPath);
});

test("missing browser stops the run", async ({}, testInfo) => {
  test.skip(existsSync(firefox.executablePath()), "Playwright's Firefox is installed here, so the message cannot be provoked");

  const child = await spawnPlaywright(
    ["test", "--list", "--reporter=line", `--output=${testInfo.outputPath("nested")}`],
    nestedEnvironment({ PC_BROWSERS: "chromium,firefox", PC_STOREFRONT_PORT: String(await findFreePort()) }),
    60_000,
  );

  expect(child.exitCode, `the run should stop; output:\n${child.output}`).not.toBe(0);
  expect(child.output).toContain(`PC_BROWSERS asks for firefox, but Playwright's firefox is not installed at ${firefox.executablePath()}.`);
  expect(child.output).toContain("Run `npx playwright install firefox` or remove firefox from PC_BROWSERS.");
});
