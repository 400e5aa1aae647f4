import { afterEach, describe, expect, it } from "vitest";
import { getEnv, InvalidEnvironmentError, MIN_SECRET_LENGTH, resetEnvForTests } from "@/lib/env";

// Secrets shorter than 32 characters are refused when the environment is parsed (at start:
// lib/server/boot.ts stops the server with this message), naming the variable, never its value.

const SECRETS = ["ADMIN_TOKEN", "APP_SECRET", "CRON_SECRET"] as const;
const saved = Object.fromEntries(SECRETS.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of SECRETS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnvForTests();
});

function parseWith(name: string, value: string | undefined) {
  for (const other of SECRETS) delete process.env[other];
  if (value !== undefined) process.env[name] = value;
  resetEnvForTests();
  return () => getEnv();
}

describe.each(SECRETS)("%s", (name) => {
  it.each(["x", "short-but-not-empty", "a".repeat(MIN_SECRET_LENGTH - 1)])("refuses %j, naming the variable and not the value", (value) => {
    const parse = parseWith(name, value);
    expect(parse).toThrow(InvalidEnvironmentError);
    expect(parse).toThrow(`${name}: must be at least 32 characters long`);
    try {
      parse();
    } catch (error) {
      expect((error as Error).message).not.toContain(value);
    }
  });

  it("accepts 32 characters or more, and unset or empty (the feature's own default)", () => {
    expect(parseWith(name, "b".repeat(MIN_SECRET_LENGTH))()[name]).toBe("b".repeat(MIN_SECRET_LENGTH));
    expect(parseWith(name, undefined)()[name]).toBeUndefined();
    expect(parseWith(name, "  ")()[name]).toBeUndefined();
  });
});
