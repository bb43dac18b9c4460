import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ValidationError } from "@/server/lib/errors";

/** Largest upload accepted: a million rows of a wide billing export fit well inside it. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** Uploads live on the server's disk (UPLOAD_DIR, default .data/uploads), one file per import. */
export function uploadDir(): string {
  // Runtime data, not code: the ignore keeps Next's file tracer from copying the whole project into the build.
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR ?? ".data/uploads");
}

export function storagePath(storageKey: string): string {
  // Keys are made here from ids, never from user input; the check keeps it that way.
  if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error(`Bad storage key ${storageKey}`);
  return path.join(/*turbopackIgnore: true*/ uploadDir(), storageKey);
}

/**
 * Streams an upload to disk, hashing it on the way: the file is never held in memory, whatever its size.
 * An upload over MAX_UPLOAD_BYTES is refused and what was written removed.
 */
export async function storeUpload(
  body: ReadableStream<Uint8Array> | Readable,
  storageKey: string,
): Promise<{ bytes: number; sha256: string }> {
  const file = storagePath(storageKey);
  await mkdir(path.dirname(file), { recursive: true });
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) {
        done(new ValidationError(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream);
  try {
    await pipeline(source, meter, createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { bytes: (await stat(file)).size, sha256: hash.digest("hex") };
}

export async function removeUpload(storageKey: string): Promise<void> {
  await rm(storagePath(storageKey), { force: true });
}

/** A generated document (a letter's PDF) kept beside the uploads, under the same kind of key. */
export async function storeBuffer(storageKey: string, data: Buffer): Promise<void> {
  const file = storagePath(storageKey);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

export function readStored(storageKey: string): Promise<Buffer> {
  return readFile(storagePath(storageKey));
}
