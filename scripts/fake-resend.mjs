#!/usr/bin/env node
/**
 * A stand-in for Resend's API on this machine, for tests and e2e: the real SDK posts to it (RESEND_BASE_URL).
 * POST /emails records the request and answers like Resend ({ id }), once per Idempotency-Key; GET /__emails
 * lists what was received; DELETE /__emails forgets it. PORT (default 3202), FAKE_RESEND_KEY (default re_test).
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

export function startFakeResend({ port = 0, key = "re_test" } = {}) {
  const emails = [];
  const byKey = new Map();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const send = (status, body) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.url === "/__emails" && req.method === "GET") return send(200, emails);
      if (req.url === "/__emails" && req.method === "DELETE") {
        emails.length = 0;
        byKey.clear();
        return send(200, { ok: true });
      }
      if (req.url === "/emails" && req.method === "POST") {
        if (req.headers.authorization !== `Bearer ${key}`)
          return send(401, { statusCode: 401, name: "validation_error", message: "API key is invalid" });
        const idempotencyKey = req.headers["idempotency-key"];
        if (idempotencyKey && byKey.has(idempotencyKey)) return send(200, { id: byKey.get(idempotencyKey) });
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        const id = randomUUID();
        emails.push({ id, idempotencyKey: idempotencyKey ?? null, headers: req.headers, body });
        if (idempotencyKey) byKey.set(idempotencyKey, id);
        return send(200, { id });
      }
      send(404, { statusCode: 404, name: "not_found", message: `No route ${req.method} ${req.url}` });
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        emails,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startFakeResend({
    port: Number(process.env.PORT ?? 3202),
    key: process.env.FAKE_RESEND_KEY ?? "re_test",
  });
  console.log(`fake Resend on ${url}`);
}
