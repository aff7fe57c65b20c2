import type { Request } from "@playwright/test";
import { exampleProfileSetParams } from "../fixtures/contract/schemas";
import { sdkScriptUrl } from "../fixtures/sdk-builds";
import type { Storefront } from "../fixtures/storefront";
import { expect, test } from "../fixtures/test";

/**
 * The vendor's example with personal values that nothing else in a request could contain by
 * chance, including letters that a URL must percent-encode.
 */
const personalParams = {
  ...exampleProfileSetParams,
  email: "emilie.obrien-sondergaard@examplemail.com",
  phone: "+447700900461",
  first_name: "Émilie",
  last_name: "O'Brien-Søndergaard",
};

/** Names that mark a credential in a parameter, a header or a body. */
const secretNamePattern = /secret|authorization|api[_-]?key|private[_-]?key/i;
/** A run of 32 or more hexadecimal characters, the shape of a PersonaClick shop secret or an API key. */
const secretValuePattern = /(?<![0-9a-f])[0-9a-f]{32,}(?![0-9a-f])/i;

/** One request as the browser sent it: the URL, every header and the body text. */
interface SentRequest {
  description: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Reads the URL, headers and body of each request the page sent. */
async function readRequests(requests: Request[]): Promise<SentRequest[]> {
  return await Promise.all(
    requests.map(async (request) => ({
      description: `${request.method()} ${request.url()}`,
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData() ?? "",
    })),
  );
}

/** Returns the URL with percent-escapes and `+` decoded, or the URL as it is when it has a bad escape. */
function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, " "));
  } catch {
    return url;
  }
}

/** Lists where a request carries something that looks like a credential. */
function secretFindings(request: SentRequest): string[] {
  const findings: string[] = [];
  const url = decodedUrl(request.url);
  if (secretNamePattern.test(url) || secretValuePattern.test(url)) findings.push(`URL ${url}`);
  for (const [name, value] of Object.entries(request.headers)) {
    if (secretNamePattern.test(name) || secretNamePattern.test(value) || secretValuePattern.test(value)) {
      findings.push(`header ${name}: ${value}`);
    }
  }
  if (secretNamePattern.test(request.body) || secretValuePattern.test(request.body)) findings.push(`body ${request.body}`);
  return findings.map((finding) => `${request.description}: ${finding}`);
}

/**
 * Runs a shop's whole visit: opens the home page, sends the profile, reads it back, opens the
 * catalog and sends the profile again. Waits for every callback.
 */
async function visitShop(storefront: Storefront): Promise<void> {
  await storefront.open();
  await (await storefront.profileSet(personalParams)).settled();
  await (await storefront.profileGet()).settled();
  await storefront.open("/catalog.html");
  await (await storefront.profileSet({ email: personalParams.email, phone: personalParams.phone })).settled();
}

test.describe("security", { tag: "@security" }, () => {
  test("requests carry no secret", { annotation: [{ type: "rule", description: "SEC-1" }] }, async ({ storefront, mockApi }) => {
    const requests = storefront.collectRequests();

    await visitShop(storefront);

    const sent = await readRequests(requests);
    expect(mockApi.recorder.find("POST", "/profile/set"), "the visit should send two profile sets to check").toHaveLength(2);
    expect(sent.flatMap(secretFindings), "the browser sent something that looks like a shop or API secret").toEqual([]);
  });

  test("API traffic stays on the origin", { annotation: [{ type: "rule", description: "SEC-2" }] }, async ({ storefront, mockApi, suiteConfig, sdkBuild, baseURL }) => {
    const requests = storefront.collectRequests();

    await visitShop(storefront);

    const storefrontOrigin = new URL(baseURL ?? "").origin;
    const scriptUrl = new URL(sdkScriptUrl(sdkBuild), storefrontOrigin).href;
    const apiTraffic = requests
      .map((request) => request.url())
      .filter((url) => new URL(url).origin !== storefrontOrigin && url !== scriptUrl);
    const elsewhere = apiTraffic.filter((url) => !url.startsWith(`${suiteConfig.apiOrigin}/`));
    expect(elsewhere, `the SDK sent API requests outside the configured API origin ${suiteConfig.apiOrigin}`).toEqual([]);
    expect(mockApi.blocked, "the network guard blocked requests to hosts outside the test").toEqual([]);
    expect(apiTraffic.length, "the visit should send API requests to check").toBeGreaterThanOrEqual(5);
    for (const request of mockApi.recorder.requests) {
      expect(request.url.startsWith(`${suiteConfig.apiOrigin}/`), `${request.method} ${request.url} is outside ${suiteConfig.apiOrigin}`).toBe(true);
    }
  });

  test("API traffic uses HTTPS", { annotation: [{ type: "rule", description: "SEC-2" }] }, async ({ storefront, mockApi, suiteConfig }) => {
    if (new URL(suiteConfig.apiOrigin).protocol !== "https:") {
      const reason = `the configured API origin ${suiteConfig.apiOrigin} (PC_API_ORIGIN) is not HTTPS, so the scheme the SDK uses cannot be judged`;
      test.info().annotations.push({ type: "not-applicable", description: reason });
      test.skip(true, reason);
    }

    await visitShop(storefront);

    const insecure = mockApi.recorder.requests.filter((request) => new URL(request.url).protocol !== "https:");
    expect(insecure.map((request) => `${request.method} ${request.url}`), "API requests should use HTTPS").toEqual([]);
    expect(mockApi.blocked, "the network guard blocked requests, for example to the API over plain HTTP").toEqual([]);
  });

  test("personal data stays out of URLs", { annotation: [{ type: "rule", description: "SEC-3" }] }, async ({ storefront, mockApi }) => {
    const requests = storefront.collectRequests();

    await visitShop(storefront);

    const personal = {
      email: personalParams.email,
      phone: personalParams.phone,
      first_name: personalParams.first_name,
      last_name: personalParams.last_name,
    };
    for (const request of requests) {
      const url = request.url();
      const decoded = decodedUrl(url);
      for (const [field, value] of Object.entries(personal)) {
        const inUrl = decoded.includes(value) || url.includes(encodeURIComponent(value)) || new URL(url).searchParams.has(field);
        expect(inUrl, `${request.method()} ${url} carries ${field} in its URL; personal data belongs in the body`).toBe(false);
      }
    }
    const firstSet = await mockApi.recorder.waitFor("POST", "/profile/set");
    expect(firstSet.params.email, "profile set should carry the email in its body").toBe(personal.email);
    expect(firstSet.encoding, "the email should come from the body, not the query").not.toBe("query");
  });
});
