import { expect, test } from "@playwright/test";
import { z } from "zod";
import {
  customPropertyTypes,
  customPropertyValueSchema,
  exampleCustomProperties,
  exampleProfileSetParams,
  formatIssues,
  initQuerySchema,
  initResponseSchema,
  profileFieldsSchema,
  profileGetQuerySchema,
  profileGetResponseSchema,
  profileSetErrorSchema,
  profileSetIssueRule,
  profileSetParamsSchema,
  profileSetRequestSchema,
  profileSetSuccessSchema,
  reservedProfileFields,
  type CustomPropertyType,
} from "../fixtures/contract/schemas";

const envelope = {
  shop_id: "0123456789abcdef0123456789abcd",
  did: "Ab12Cd34Ef",
  seance: "f3a9c0d2e1",
  sid: "f3a9c0d2e1",
};

const exampleBody = { ...envelope, ...exampleProfileSetParams };

const setSchema = profileSetRequestSchema(exampleCustomProperties);

/** Parses `input`, expects it to fail, and returns the issues with their formatted lines. */
function failureOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  const error = result.error ?? new z.ZodError([]);
  return { issues: error.issues, lines: formatIssues(error, input) };
}

test("vendor example validates", () => {
  expect(profileSetParamsSchema(exampleCustomProperties).safeParse(exampleProfileSetParams).error).toBeUndefined();
  expect(setSchema.safeParse(exampleBody).error).toBeUndefined();
});

test("vendor example keeps vendor values", () => {
  expect(exampleProfileSetParams.age).toBe(31);
  expect(exampleProfileSetParams.kids).toEqual([
    { gender: "m", birthday: "2001-04-12" },
    { gender: "f", birthday: "2015-07-28" },
  ]);
  expect(exampleProfileSetParams.custom_json_property).toEqual({ key1: "value1", key2: 2, key3: true });
  expect(Object.keys(exampleCustomProperties).sort()).toEqual(
    Object.keys(exampleProfileSetParams)
      .filter((name) => name.startsWith("custom_"))
      .sort(),
  );
});

test("age as string fails at age", () => {
  const input = { ...exampleBody, age: "31" };

  const { issues, lines } = failureOf(setSchema, input);

  expect(issues).toHaveLength(1);
  expect(issues[0]?.path).toEqual(["age"]);
  expect(lines[0]).toMatch(/^age: .*expected number, received string/);
  expect(lines[0]).toContain('(received: "31")');
});

test("unknown key is named", () => {
  const input = { ...exampleBody, nickname: "johnny" };

  const { issues, lines } = failureOf(setSchema, input);

  expect(issues).toHaveLength(1);
  expect(issues[0]?.code).toBe("unrecognized_keys");
  expect(issues[0]?.message).toContain('"nickname"');
  expect(lines[0]).toContain('(received: {"nickname":"johnny"})');
});

test("undeclared custom property is rejected", () => {
  const input = { ...envelope, custom_string_property: "declared elsewhere" };

  const { issues } = failureOf(profileSetRequestSchema({}), input);

  expect(issues[0]?.code).toBe("unrecognized_keys");
  expect(issues[0]?.message).toContain('"custom_string_property"');
});

test("empty string and null are rejected", () => {
  const stringFields = ["email", "phone", "first_name", "last_name", "location", "loyalty_id", "telegram_id"];
  for (const field of stringFields) {
    for (const value of ["", null]) {
      const input = { ...exampleBody, [field]: value };

      const { issues, lines } = failureOf(setSchema, input);

      expect(issues.map((issue) => issue.path)).toEqual([[field]]);
      expect(lines[0]).toContain(`(received: ${JSON.stringify(value)})`);
    }
  }
  expect(failureOf(setSchema, { ...exampleBody, id: "" }).issues[0]?.message).toContain("non-empty");
  expect(failureOf(setSchema, { ...exampleBody, age: null }).issues[0]?.path).toEqual(["age"]);
  expect(failureOf(setSchema, { ...exampleBody, stream: "" }).issues[0]?.path).toEqual(["stream"]);
});

test("empty kids and auto are rejected", () => {
  expect(failureOf(setSchema, { ...exampleBody, kids: [] }).issues[0]?.path).toEqual(["kids"]);
  expect(failureOf(setSchema, { ...exampleBody, auto: [] }).issues[0]?.path).toEqual(["auto"]);
});

test("kids entry problems point at the element", () => {
  const kids = [
    { gender: "m", birthday: "2001-04-12" },
    { gender: "x", birthday: "28.07.2015" },
  ];
  const input = { ...exampleBody, kids };

  const { lines } = failureOf(setSchema, input);

  expect(lines).toEqual([
    'kids[1].gender: expected "m" (male) or "f" (female) (received: "x")',
    'kids[1].birthday: expected a date as YYYY-MM-DD (received: "28.07.2015")',
  ]);
});

test("id accepts number or string", () => {
  expect(profileFieldsSchema.safeParse({ id: 100500 }).success).toBe(true);
  expect(profileFieldsSchema.safeParse({ id: "user-100500" }).success).toBe(true);
  expect(failureOf(profileFieldsSchema, { id: true }).lines).toEqual([
    "id: expected a number or a non-empty string (received: true)",
  ]);
});

test("seance differs from sid", () => {
  const input = { ...exampleBody, sid: "another1" };

  const { issues, lines } = failureOf(setSchema, input);

  expect(issues.map((issue) => issue.path)).toEqual([["sid"]]);
  expect(lines[0]).toBe('sid: expected sid to equal seance "f3a9c0d2e1" (received: "another1")');
});

test("seance check runs beside other issues", () => {
  const input = { ...exampleBody, sid: "another1", age: "31" };

  const { issues } = failureOf(setSchema, input);

  expect(issues.map((issue) => issue.path)).toEqual([["age"], ["sid"]]);
});

test("missing envelope field is reported", () => {
  const { shop_id: _shopId, ...input } = exampleBody;

  const { lines } = failureOf(setSchema, input);

  expect(lines).toEqual(["shop_id: Invalid input: expected string, received undefined (received: missing)"]);
});

test("set issues name their rules", () => {
  const { did: _did, ...withoutDid } = exampleBody;
  const cases: [string, Record<string, unknown>, string][] = [
    ["missing did", withoutDid, "SET-2"],
    ["session ids differ", { ...exampleBody, sid: "0000000000" }, "SET-2"],
    ["phone as number", { ...exampleBody, phone: 4400114527199 }, "SET-3"],
    ["age as string", { ...exampleBody, age: "31" }, "SET-4"],
    ["kids entry without gender", { ...exampleBody, kids: [{ birthday: "2001-04-12" }] }, "SET-5"],
    ["custom integer as string", { ...exampleBody, custom_integer_property: "5" }, "SET-6"],
    ["invented key", { ...exampleBody, invented: 1 }, "SET-7"],
    ["shop secret", { ...exampleBody, shop_secret: "s3cr3t" }, "SET-2"],
  ];

  for (const [label, input, rule] of cases) {
    const result = setSchema.safeParse(input);
    const lines = result.error === undefined ? [] : formatIssues(result.error, input, profileSetIssueRule);
    expect(lines, `${label} should give one issue`).toHaveLength(1);
    expect(lines[0], `${label} should name ${rule}`).toMatch(new RegExp(`^\\[${rule}\\] `));
  }
});

test("every documented field has a rule", () => {
  for (const field of Object.keys(profileFieldsSchema.shape)) {
    const issue: z.core.$ZodIssue = { code: "custom", path: [field], message: "", input: undefined };
    expect(["SET-3", "SET-4", "SET-5"], `documented field ${field} should map to SET-3, SET-4 or SET-5`).toContain(profileSetIssueRule(issue));
  }
});

test("shop secret is rejected", () => {
  const { issues } = failureOf(setSchema, { ...exampleBody, shop_secret: "s3cr3t" });

  expect(issues[0]?.message).toContain('"shop_secret"');
});

test("reserved custom name throws", () => {
  for (const name of ["email", "kids", "auto", "shop_id", "seance", "segment", "shop_secret", "loyalty_bonuses"]) {
    expect(reservedProfileFields).toContain(name);
    expect(() => profileSetRequestSchema({ [name]: "string" })).toThrow(/reserved profile field name/);
  }
});

test("invalid custom name throws", () => {
  for (const name of ["Custom", "custom-property", "custom property", ""]) {
    expect(() => profileSetRequestSchema({ [name]: "string" })).toThrow(/lowercase letters, digits and "_"/);
  }
});

test("unknown custom type throws", () => {
  const declarations = { custom_thing: "boolean" } as unknown as Record<string, CustomPropertyType>;

  expect(() => profileSetRequestSchema(declarations)).toThrow(/invalid custom property type "boolean"/);
});

const customValueCases: Record<CustomPropertyType, { good: unknown[]; bad: unknown[] }> = {
  string: { good: ["the string value", "Ünïcødé + 'quotes'"], bad: ["", 5, null, ["a"]] },
  integer: { good: [100500, 0, -3], bad: [7.62, "100500", null, Number.NaN] },
  float: { good: [7.62, 100500, -0.5], bad: ["7.62", null, Number.POSITIVE_INFINITY] },
  array_of_string: { good: [["value1", "value2"], ["one"]], bad: [[], "value1", [1, 2], ["ok", ""], null] },
  json: {
    good: [{ key1: "value1", key2: 2, key3: true }, { nested: { list: [1, "a", null] } }],
    bad: [{}, [], "{\"key\":1}", null, { key: undefined }],
  },
  date: {
    good: ["2021-12-31 23:55:00", "2021-12-31"],
    bad: ["2021-12-31T23:55:00", "31.12.2021", "2021-12-31 23:55", "", 20211231, null],
  },
};

for (const type of customPropertyTypes) {
  test(`custom ${type} accepts good values`, () => {
    for (const value of customValueCases[type].good) {
      const result = customPropertyValueSchema(type).safeParse(value);
      expect(result.error, `${type} should accept ${JSON.stringify(value)}`).toBeUndefined();
    }
  });

  test(`custom ${type} rejects bad values`, () => {
    for (const value of customValueCases[type].bad) {
      failureOf(customPropertyValueSchema(type), value);
    }
  });
}

test("custom property checked in request", () => {
  const input = { ...exampleBody, custom_date_property: "2021-12-31T23:55:00Z" };

  const { lines } = failureOf(setSchema, input);

  expect(lines).toEqual([
    'custom_date_property: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (received: "2021-12-31T23:55:00Z")',
  ]);
});

test("init query and response validate", () => {
  const query = { shop_id: envelope.shop_id, v: "3", tz: "5.5", did: envelope.did, sid: envelope.sid, stream: "web" };

  expect(initQuerySchema.safeParse(query).error).toBeUndefined();
  expect(initQuerySchema.safeParse({ shop_id: envelope.shop_id, v: "3", tz: "-5" }).error).toBeUndefined();
  expect(initResponseSchema.safeParse({ did: envelope.did, seance: envelope.seance }).error).toBeUndefined();
});

test("init query rejects bad values", () => {
  const query = { shop_id: "not-a-shop", v: "2", tz: "+03:00", did: "short" };

  const { issues } = failureOf(initQuerySchema, query);

  expect(issues.map((issue) => issue.path)).toEqual([["shop_id"], ["v"], ["tz"], ["did"]]);
  expect(failureOf(initResponseSchema, { did: envelope.did, seance: envelope.seance, extra: 1 }).issues[0]?.code).toBe(
    "unrecognized_keys",
  );
});

test("set responses validate", () => {
  expect(profileSetSuccessSchema.safeParse({ status: "success" }).success).toBe(true);
  expect(profileSetErrorSchema.safeParse({ status: "error", payload: { message: "Invalid email" } }).success).toBe(
    true,
  );
  expect(profileSetErrorSchema.safeParse({ status: "error", message: "Invalid email" }).success).toBe(true);
  expect(failureOf(profileSetErrorSchema, { status: "error" }).lines[0]).toMatch(/^\(root\): expected \{"status"/);
  expect(failureOf(profileSetSuccessSchema, { status: "error" }).issues[0]?.path).toEqual(["status"]);
});

test("get query validates", () => {
  const query = { shop_id: envelope.shop_id, did: envelope.did, seance: envelope.seance, sid: envelope.sid };

  expect(profileGetQuerySchema.safeParse(query).error).toBeUndefined();
  expect(failureOf(profileGetQuerySchema, { shop_id: envelope.shop_id }).issues[0]?.path).toEqual(["did"]);
  expect(failureOf(profileGetQuerySchema, { ...query, email: "john.doe@examplemail.com" }).issues[0]?.code).toBe(
    "unrecognized_keys",
  );
});

const fullProfile = {
  gender: "m",
  children: [{ gender: "f", birthday: "2015-07-28", age: 6 }],
  cosmetic_hair: { type: "curly", condition: "dry" },
  cosmetic_skin: {
    body: { type: "normal", condition: "dry" },
    hand: { type: "dry", condition: "cracked" },
    leg: { type: "oily", condition: "normal" },
  },
  cosmetic_perfume: { aroma: "citrus", families: ["fresh"] },
  allergy: false,
  fashion_sizes: { shoe: [42, "42.5"], shirt: ["L"] },
  compatibility: { brand: "Nissan", model: "Qashqai" },
  vds: "N243E4",
  pets: { type: "dog", breed: "beagle", size: "medium", age: "adult" },
  jewelry: {
    metal: ["gold"],
    color: ["yellow"],
    gem: ["diamond"],
    gender: ["m"],
    ring_size: [19.5],
    bracelet_size: [18],
    chain_size: [50],
  },
  realty: { type: "apartment", space: 64.5 },
  income_level: "medium",
  has_email: true,
  custom_properties: { custom_string_property: "public value", custom_integer_property: 3 },
};

test("full get response validates", () => {
  expect(profileGetResponseSchema.safeParse(fullProfile).error).toBeUndefined();
  expect(profileGetResponseSchema.safeParse({}).error).toBeUndefined();
});

test("get response with email rejected", () => {
  const input = { ...fullProfile, email: "john.doe@examplemail.com" };

  const { issues, lines } = failureOf(profileGetResponseSchema, input);

  expect(issues).toHaveLength(1);
  expect(issues[0]?.message).toContain('"email"');
  expect(lines[0]).toContain('(received: {"email":"john.doe@examplemail.com"})');
});

test("get response rejects personal keys", () => {
  for (const key of ["phone", "first_name", "last_name", "id"]) {
    const { issues } = failureOf(profileGetResponseSchema, { ...fullProfile, [key]: "x" });
    expect(issues[0]?.message).toContain(JSON.stringify(key));
  }
});

test("get response checks nested parts", () => {
  const input = { ...fullProfile, cosmetic_skin: { body: { type: "normal", tone: "fair" } }, income_level: "rich" };

  const { issues } = failureOf(profileGetResponseSchema, input);

  expect(issues.map((issue) => issue.path)).toEqual([["cosmetic_skin", "body"], ["income_level"]]);
});

test("formatIssues handles odd paths", () => {
  const schema = z.strictObject({ "odd key": z.string(), list: z.array(z.number()) });
  const input = { "odd key": 1, list: [1, Number.NaN] };

  const { lines } = failureOf(schema, input);

  expect(lines).toEqual([
    '["odd key"]: Invalid input: expected string, received number (received: 1)',
    "list[1]: Invalid input: expected number, received NaN (received: NaN)",
  ]);
});

test("JSON Schema carries descriptions", () => {
  const jsonSchema = z.toJSONSchema(setSchema, { io: "input" }) as {
    properties: Record<string, { description?: string }>;
    additionalProperties?: unknown;
  };

  expect(jsonSchema.additionalProperties).toBe(false);
  for (const [name, property] of Object.entries(jsonSchema.properties)) {
    expect(property.description, `${name} should have a description`).toBeTruthy();
  }
  expect(z.toJSONSchema(profileGetResponseSchema)).toBeTruthy();
  expect(z.toJSONSchema(initQuerySchema)).toBeTruthy();
});
