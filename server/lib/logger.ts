import pino from "pino";

/** One structured logger; requests and jobs take a child with their id. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "authorization"],
});
