#!/usr/bin/env node
/**
 * A stand-in for Twilio's Messages API on this machine, for tests and e2e: point TWILIO_BASE_URL at it.
 *
 *   POST   /2010-04-01/Accounts/:sid/Messages.json  send a text (form body, HTTP Basic auth); 201 with a
 *                                                   Twilio-like message; once per I-Twilio-Idempotency-Token
 *   GET    /__messages                              the texts received, oldest first: the form parameters as
 *                                                   sent (To, From, Body, ...), and sid, to, from, body,
 *                                                   statusCallback, params, idempotencyToken, and auth
 *                                                   ({ username, password })
 *   DELETE /__messages                              forget them (and the idempotency tokens, and any /__fail)
 *   POST   /__fail?status=500[&code=20500]          the next send fails with that HTTP status (retry tests)
 *
 * Like Twilio with test credentials, some "To" numbers are refused: +15005550001 invalid, +15005550002
 * unreachable, +15005550003 no permission for the region, +15005550004 unsubscribed (the recipient texted STOP),
 * +15005550009 not a mobile number. PORT (default 3201), FAKE_TWILIO_SID (ACtest), FAKE_TWILIO_TOKEN (test-token).
 */
import { randomBytes } from "node:crypto";
import { realpathSync } from "node:fs";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

const API_VERSION = "2010-04-01";
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const MAX_BODY_BYTES = 64 * 1024;

/** The test numbers' refusals: [Twilio error code, message]. All are HTTP 400. */
const REFUSED_TO = new Map([
  ["+15005550001", [21211, "The 'To' number +15005550001 is not a valid phone number."]],
  ["+15005550002", [21612, "The 'To' number +15005550002 cannot be reached by SMS."]],
  ["+15005550003", [21408, "Sending SMS to the region of +15005550003 is not enabled."]],
  ["+15005550004", [21610, "The recipient +15005550004 has unsubscribed (replied STOP)."]],
  ["+15005550009", [21614, "The 'To' number +15005550009 is not a mobile number."]],
]);

/** Twilio's error bodies look like this, whatever the status. */
function twilioError(status, code, message) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** Twilio formats dates as RFC 2822 in UTC. */
function rfc2822(date) {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

function basicAuth(header) {
  const match = /^Basic (.+)$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function startFakeTwilio({
  port = 0,
  sid = process.env.FAKE_TWILIO_SID ?? "ACtest",
  token = process.env.FAKE_TWILIO_TOKEN ?? "test-token",
} = {}) {
  const messages = [];
  /** Idempotency token → the response it got, replayed for a repeat. */
  const byToken = new Map();
  let nextFailure = null;

  function sendMessage(req, accountSid, params, send) {
    const auth = basicAuth(req.headers.authorization);
    if (!auth || auth.username !== sid || auth.password !== token)
      return send(401, twilioError(401, 20003, "Authentication Error - invalid username or password"));
    if (accountSid !== sid) return send(404, twilioError(404, 20404, "The requested resource was not found"));
    if (nextFailure) {
      const { status, code } = nextFailure;
      nextFailure = null;
      return send(status, twilioError(status, code, `Simulated failure (HTTP ${status})`));
    }
    const idempotencyToken = req.headers["i-twilio-idempotency-token"] ?? null;
    if (idempotencyToken && byToken.has(idempotencyToken)) {
      const previous = byToken.get(idempotencyToken);
      return send(previous.status, previous.body);
    }
    const to = params.get("To");
    const from = params.get("From");
    const body = params.get("Body");
    if (!to) return send(400, twilioError(400, 21604, "A 'To' phone number is required."));
    if (!from) return send(400, twilioError(400, 21603, "A 'From' phone number is required."));
    if (!body) return send(400, twilioError(400, 21602, "Message body is required."));
    if (!E164.test(to)) return send(400, twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`));
    const refused = REFUSED_TO.get(to);
    if (refused) return send(400, twilioError(400, refused[0], refused[1]));

    const messageSid = `SM${randomBytes(16).toString("hex")}`;
    const created = rfc2822(new Date());
    const message = {
      sid: messageSid,
      account_sid: sid,
      api_version: API_VERSION,
      to,
      from,
      body,
      status: "queued",
      direction: "outbound-api",
      num_media: "0",
      error_code: null,
      error_message: null,
      price: null,
      price_unit: "USD",
      date_created: created,
      date_updated: created,
      date_sent: null,
      uri: `/${API_VERSION}/Accounts/${sid}/Messages/${messageSid}.json`,
    };
    messages.push({
      // The form as Twilio's parameter names (To, From, Body, StatusCallback), then the same in lower case.
      ...Object.fromEntries(params),
      sid: messageSid,
      to,
      from,
      body,
      statusCallback: params.get("StatusCallback"),
      params: Object.fromEntries(params),
      idempotencyToken,
      auth,
      contentType: req.headers["content-type"] ?? null,
      receivedAt: new Date().toISOString(),
    });
    if (idempotencyToken) byToken.set(idempotencyToken, { status: 201, body: message });
    return send(201, message);
  }

  const server = createServer((req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) return send(413, twilioError(413, 20413, "Request body too large"));
      const url = new URL(req.url ?? "/", "http://fake-twilio.local");
      if (url.pathname === "/__messages" && req.method === "GET") return send(200, messages);
      if (url.pathname === "/__messages" && req.method === "DELETE") {
        messages.length = 0;
        byToken.clear();
        nextFailure = null;
        return send(200, { ok: true });
      }
      if (url.pathname === "/__fail" && req.method === "POST") {
        const status = Number(url.searchParams.get("status") ?? 500);
        if (!Number.isInteger(status) || status < 400 || status > 599)
          return send(400, { ok: false, error: "status must be an HTTP error status (400-599)" });
        const code = Number(url.searchParams.get("code") ?? 20000 + status);
        nextFailure = { status, code };
        return send(200, { ok: true, status, code });
      }
      const route = MESSAGES_PATH.exec(url.pathname);
      if (route && req.method === "POST") {
        const params = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        return sendMessage(req, safeDecode(route[1]), params, send);
      }
      send(404, twilioError(404, 20404, `No route ${req.method} ${url.pathname}`));
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        sid,
        token,
        messages,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function isMainModule() {
  if (!process.argv[1]) return false;
  try {
    // Node runs the main module by its real path, so compare against the real path of what was asked for.
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  const fake = await startFakeTwilio({ port: Number(process.env.PORT ?? 3201) });
  console.log(`fake Twilio on ${fake.url} (account ${fake.sid})`);
}
