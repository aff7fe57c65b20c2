import { expect, ruleIdsExcept, test, type TempProject } from "../fixtures/conformance/temp-project";
import type { ConformanceReport, RuleCell } from "../fixtures/conformance/verdict";

// Each test runs Playwright in a child process on a throwaway project, which takes a few seconds.
test.describe.configure({ timeout: 120_000 });

function cellOf(report: ConformanceReport, ruleId: string, project: string): RuleCell | undefined {
  return report.rules.find((rule) => rule.id === ruleId)?.projects[project];
}

/** Drops the fields that differ between two runs of the same tests: the time and the command. */
function comparable(report: ConformanceReport): unknown {
  const { generatedAt: _generatedAt, run, ...rest } = report;
  return { ...rest, run: { complete: run.complete, scopeNote: run.scopeNote } };
}

test.describe("conformance report", () => {
  test("report gives each rule a status", async ({ tempProject }) => {
    // Failing tests come last: Playwright starts a new worker after each failure, which costs seconds.
    const project = await tempProject({
      projects: ["alpha", "beta"],
      tests: [
        { title: "covers the other rules", rules: ruleIdsExcept("SET-2", "SET-9", "GET-3", "GET-4", "CB-4", "CB-5", "SEC-3"), outcome: "pass" },
        { title: "get reflects set", rules: ["GET-4"], outcome: "not-applicable", reason: "needs the mock's profile store" },
        { title: "get hides personal data", rules: ["GET-3"], outcome: "skip", reason: "not written yet" },
        { title: "envelope breaks in beta", rules: ["SET-2"], outcome: "fail", onlyIn: ["beta"] },
        { title: "callbacks are optional", rules: ["CB-4"], outcome: "fail", onlyIn: ["beta"] },
        { title: "throwing callback is contained", rules: ["CB-5"], outcome: "pass" },
        { title: "body is not JSON", rules: ["SET-9"], outcome: "fail", onlyIn: ["alpha"] },
      ],
      expectations: [
        { rule: "CB-4", project: "beta", reason: "throws without callbacks", link: "https://tracker.example/PC-1" },
        { test: "throwing callback is contained", build: "beta", reason: "stopped the queue once" },
      ],
    });

    const run = await project.run();
    const report = await project.readReport();

    expect(run.exitCode, "a failing test fails the run").toBe(1);
    expect(report.projects, "one column per project").toEqual(["alpha", "beta"]);
    expect(cellOf(report, "LOAD-1", "alpha")?.status, "a passing test makes its rule pass").toBe("pass");
    expect(cellOf(report, "SET-2", "alpha")?.status, "SET-2 passes where its test passes").toBe("pass");
    expect(cellOf(report, "SET-2", "beta")?.status, "a failing test of a MUST rule is a failure").toBe("fail");
    expect(cellOf(report, "SET-9", "alpha")?.status, "a failing test of a SHOULD rule is a warning").toBe("warning");
    expect(cellOf(report, "SET-9", "beta")?.status, "SET-9 passes where its test passes").toBe("pass");

    const notApplicable = cellOf(report, "GET-4", "alpha");
    expect(notApplicable?.status, "a test skipped as not applicable makes its rule not applicable").toBe("not applicable");
    expect(notApplicable?.tests[0]?.reason, "the report shows the not-applicable reason").toBe("needs the mock's profile store");
    expect(cellOf(report, "GET-3", "alpha")?.status, "a test skipped without a reason of type not-applicable leaves its rule not covered").toBe("not covered");
    expect(cellOf(report, "SEC-3", "alpha")?.status, "a rule without tests is not covered").toBe("not covered");

    const deviation = cellOf(report, "CB-4", "beta");
    expect(deviation?.status, "a known deviation of a MUST rule still counts as a failure").toBe("fail");
    expect(deviation?.tests[0], "the report names the deviation's reason and link").toMatchObject({
      verdict: "known deviation",
      reason: "throws without callbacks",
      link: "https://tracker.example/PC-1",
    });
    expect(cellOf(report, "CB-4", "alpha")?.tests[0]?.verdict, "the deviation is limited to its project").toBe("passed");
    expect(cellOf(report, "CB-5", "beta")?.tests[0]?.verdict, "a known deviation that passes is reported as an unexpected pass").toBe("unexpected pass");
    expect(cellOf(report, "CB-5", "alpha")?.tests[0]?.verdict, "an entry limited to a build leaves other builds alone").toBe("passed");
    expect(run.output, "Playwright fails the unexpected pass").toContain("Expected to fail, but passed.");

    expect(report.gate.errors, "only the skipped MUST rule fails the gate: not SHOULD rules, not pending groups").toEqual([
      expect.stringMatching(/: GET-3\.$/),
    ]);
    expect(run.lastLine, "the run ends with the counts per rule").toBe("23 passed, 2 failed, 1 warnings, 10 not covered, 1 not applicable");
    expect(run.output, "the summary has a line per project").toContain("  beta: 24 passed, 2 failed, 0 warnings, 10 not covered, 1 not applicable");
  });

  test("failure naming another rule blocks", async ({ tempProject }) => {
    const missingDid = "[SET-2] did: expected a string (received: missing)";
    const project = await tempProject({
      tests: [
        { title: "covers the other rules", rules: ruleIdsExcept("SET-2", "SET-3", "SET-4", "GET-3", "CB-4"), outcome: "pass" },
        { title: "envelope has did", rules: ["SET-2"], outcome: "fail", messages: [missingDid] },
        { title: "email arrives unchanged", rules: ["SET-3"], outcome: "fail", messages: [missingDid] },
        { title: "example arrives unchanged", rules: ["SET-3", "SET-4"], outcome: "fail", messages: ['[SET-4] age: expected number (received: "31")'] },
        { title: "age arrives unchanged", rules: ["SET-4"], outcome: "fail", messages: ["age arrived as a string"] },
        { title: "get hides personal data", rules: ["GET-3"], outcome: "fail", messages: ["[SET-1] no POST /profile/set within 5 s; saw: none"] },
        { title: "callbacks are optional", rules: ["CB-4"], outcome: "fail", messages: [missingDid, "request sent twice"] },
      ],
    });

    const run = await project.run();
    const report = await project.readReport();

    expect(run.exitCode, "failing tests fail the run").toBe(1);
    expect(cellOf(report, "SET-2", "default")?.status, "a failure that names the test's own rule fails it").toBe("fail");
    expect(cellOf(report, "SET-4", "default")?.status, "a failure naming SET-4, or no rule at all, fails SET-4").toBe("fail");
    const blocked = cellOf(report, "SET-3", "default");
    expect(blocked?.status, "tests that failed only on other failing rules give SET-3 no verdict").toBe("not covered");
    expect(blocked?.tests.map((entry) => [entry.title, entry.verdict, entry.reason]), "each blocked test names the rule it failed on").toEqual([
      ["email arrives unchanged", "blocked", "failed on SET-2"],
      ["example arrives unchanged", "blocked", "failed on SET-4"],
    ]);
    expect(cellOf(report, "GET-3", "default")?.status, "a failure naming a rule that nothing else fails counts against the test's own rule").toBe("fail");
    expect(cellOf(report, "CB-4", "default")?.status, "an error that names no rule counts against the test's rules").toBe("fail");
    expect(report.gate.errors, "a rule whose tests ran but were blocked is not reported as lacking tests").toEqual([]);
  });

  test("uncovered MUST rule fails despite --reporter", async ({ tempProject }) => {
    const project = await tempProject({
      withPlainProject: true,
      tests: [
        { title: "covers all but one MUST rule", rules: ruleIdsExcept("LOAD-3", "SET-9"), outcome: "pass" },
        { title: "body is not JSON", rules: ["SET-9"], outcome: "fail" },
      ],
      expectations: [{ rule: "SET-9", reason: "sends form-urlencoded bodies" }],
    });

    const run = await project.run(["--reporter=dot"]);
    const report = await project.readReport();

    expect(run.exitCode, "every test met its expectation, so only the gate can fail the run").toBe(1);
    expect(report.gate.errors, "the gate names the uncovered MUST rule, and no rule of a pending group").toEqual([expect.stringMatching(/: LOAD-3\.$/)]);
    expect(report.projects, "a project without rule annotations gets no column").toEqual(["default"]);
    expect(run.output, "the summary printed to stdout names the uncovered rule").toContain("LOAD-3");
    expect(cellOf(report, "SET-9", "default")?.tests[0]?.verdict, "expectations still apply when --reporter replaces the configured reporters").toBe("known deviation");
    expect(run.lastLine).toBe("27 passed, 0 failed, 1 warnings, 9 not covered, 0 not applicable");
  });

  test("json reporter keeps stdout JSON", async ({ tempProject }) => {
    const project = await tempProject({ tests: [{ title: "covers every rule", rules: ruleIdsExcept(), outcome: "pass" }] });

    const run = await project.run(["--reporter=json"]);

    expect(run.exitCode, `the run should pass; output:\n${run.output}`).toBe(0);
    expect(() => JSON.parse(run.stdout), "stdout should hold the JSON report alone").not.toThrow();
    expect(run.output, "the conformance summary still appears, on stderr").toContain("Conformance report (complete run)");
  });

  test("unknown rule id stops the run", async ({ tempProject }) => {
    const project = await tempProject({
      tests: [
        { title: "covers every rule", rules: ruleIdsExcept(), outcome: "pass" },
        { title: "names a missing rule", rules: ["SET-99"], outcome: "pass" },
      ],
    });

    const run = await project.run();
    const report = await project.readReport();

    expect(run.exitCode, "an unknown rule id fails the run").toBe(1);
    expect(run.output, "the error names the test and the id").toMatch(/test "names a missing rule" \(rules\.spec\.ts:\d+\) names rule "SET-99"/);
    expect(run.output, "no test runs after the error").not.toMatch(/\d+ passed \(/);
    expect(report.gate.errors, "report.json records the error").toEqual([expect.stringContaining('"SET-99"')]);
  });

  test("merged shards give the same report", async ({ tempProject }) => {
    const project: TempProject = await tempProject({
      projects: ["alpha", "beta"],
      tests: [
        { title: "covers loader rules", rules: ["LOAD-1", "LOAD-2", "LOAD-3", "LOAD-4"], outcome: "pass" },
        { title: "covers the other rules", rules: ruleIdsExcept("LOAD-1", "LOAD-2", "LOAD-3", "LOAD-4", "GET-4", "SEC-3"), outcome: "pass" },
        { title: "get reflects set", rules: ["GET-4"], outcome: "not-applicable", reason: "needs the mock's profile store" },
        { title: "urls carry no personal data", rules: ["SEC-3"], outcome: "fail" },
      ],
      expectations: [{ rule: "SEC-3", reason: "puts the email in the query string" }],
    });

    const whole = await project.run();
    expect(whole.exitCode, "a run with every MUST rule covered and only expected failures passes").toBe(0);
    const wholeReport = await project.readReport();
    expect(wholeReport.gate.passed).toBe(true);

    // Both shards run at once, each with its own blob file and output folder, as on two CI machines.
    const shardRuns = await Promise.all(
      [1, 2].map((shard) =>
        project.run([`--shard=${shard}/2`, "--reporter=blob", `--output=test-results-${shard}`], { PLAYWRIGHT_BLOB_OUTPUT_FILE: `blob-report/report-${shard}.zip` }),
      ),
    );
    for (const [index, shardRun] of shardRuns.entries()) {
      expect(shardRun.exitCode, `shard ${index + 1} passes`).toBe(0);
      expect(shardRun.output, "a shard's own report says it is partial").toContain(`shard ${index + 1} of 2`);
    }

    const merged = await project.mergeReports("blob-report");
    expect(merged.exitCode, "the merged run passes like the whole run").toBe(0);
    expect(comparable(await project.readReport()), "merge-reports writes the report of the unsharded run").toEqual(comparable(wholeReport));
  });

  test("merged filtered shards stay partial", async ({ tempProject }) => {
    const project: TempProject = await tempProject({
      tests: [
        { title: "covers loader rules", rules: ["LOAD-1", "LOAD-2", "LOAD-3", "LOAD-4"], outcome: "pass" },
        { title: "covers the other rules", rules: ruleIdsExcept("LOAD-1", "LOAD-2", "LOAD-3", "LOAD-4"), outcome: "pass" },
      ],
    });

    const shardRuns = await Promise.all(
      [1, 2].map((shard) =>
        // Only the first shard is filtered: one filtered shard makes the merged run partial.
        project.run([`--shard=${shard}/2`, ...(shard === 1 ? ["--grep", "loader"] : []), "--reporter=blob", `--output=test-results-${shard}`], {
          PLAYWRIGHT_BLOB_OUTPUT_FILE: `blob-report/report-${shard}.zip`,
        }),
      ),
    );
    for (const [index, shardRun] of shardRuns.entries()) expect(shardRun.exitCode, `shard ${index + 1} passes`).toBe(0);

    const merged = await project.mergeReports("blob-report");
    const report = await project.readReport();

    expect(merged.exitCode, `a merged filtered run without failures passes; output:\n${merged.output}`).toBe(0);
    expect(report.run.complete, "the merged report knows the shards were filtered").toBe(false);
    expect(report.run.scopeNote).toContain("--grep loader");
    expect(report.gate.errors, "rules that the filter left out do not fail the gate").toEqual([]);
  });
});
